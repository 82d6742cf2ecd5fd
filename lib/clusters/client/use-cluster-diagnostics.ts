import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import type { ClusterDiagnosis } from "./types";
import { clusterUrls } from "./urls";

/** A registered cluster's connection checked step by step with its stored settings. */
export function useClusterDiagnostics(id: string) {
  return useMutation({
    mutationFn: () => apiFetch<ClusterDiagnosis>(clusterUrls.diagnostics(id), { method: "POST" }),
  });
}
