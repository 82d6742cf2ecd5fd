import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import type { ClusterSecurityInput, ConnectionTestResult } from "./types";
import { clusterUrls } from "./urls";

/** Unsaved settings tried out; `diagnose: true` answers step by step. */
export type ConnectionTestInput = { connectionString: string; sessionTimeoutMs?: number; diagnose?: boolean } & Omit<ClusterSecurityInput, "force">;

export function useTestConnection() {
  return useMutation({
    mutationFn: (input: ConnectionTestInput) =>
      apiFetch<ConnectionTestResult>(clusterUrls.testConnection(), { method: "POST", body: input }),
  });
}
