import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { znodeKeys } from "./keys";
import type { SubtreePreview } from "./types";
import { znodeUrls } from "./urls";

/** How many znodes a recursive delete would remove, how deep, and sample paths. */
export function useSubtreePreview(clusterId: string, path: string, enabled = true) {
  return useQuery({
    queryKey: znodeKeys.subtree(clusterId, path),
    enabled,
    staleTime: 0,
    queryFn: ({ signal }) => apiFetch<SubtreePreview>(znodeUrls.subtree(clusterId, path), { signal }),
  });
}
