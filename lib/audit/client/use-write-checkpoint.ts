import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import type { CheckpointResult } from "./types";
import { auditUrls } from "./urls";

export function useWriteCheckpoint() {
  return useMutation({ mutationFn: () => apiFetch<CheckpointResult>(auditUrls.checkpoint(), { method: "POST" }) });
}
