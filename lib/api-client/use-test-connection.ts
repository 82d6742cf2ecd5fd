import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import type { ConnectionTestResult } from "./types";
import { apiUrls } from "./urls";

export function useTestConnection() {
  return useMutation({
    mutationFn: (input: { connectionString: string; sessionTimeoutMs?: number }) =>
      apiFetch<ConnectionTestResult>(apiUrls.testConnection(), { method: "POST", body: input }),
  });
}
