import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { znodeKeys } from "./keys";
import type { Znode } from "./types";
import { znodeUrls } from "./urls";

export function useZnode(clusterId: string, path: string) {
  return useQuery({
    queryKey: znodeKeys.node(clusterId, path),
    queryFn: ({ signal }) => apiFetch<Znode>(znodeUrls.znode(clusterId, path), { signal }),
  });
}
