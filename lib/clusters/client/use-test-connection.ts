import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import type { ConnectionTestResult } from "./types";
import { clusterUrls } from "./urls";

export function useTestConnection() {
  return useMutation({
    mutationFn: (input: { connectionString: string; sessionTimeoutMs?: number }) =>
      apiFetch<ConnectionTestResult>(clusterUrls.testConnection(), { method: "POST", body: input }),
  });
}
