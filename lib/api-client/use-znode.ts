import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { znodeKeys } from "./keys";
import type { Znode } from "./types";
import { apiUrls } from "./urls";

export function useZnode(clusterId: string, path: string) {
  return useQuery({
    queryKey: znodeKeys.node(clusterId, path),
    queryFn: ({ signal }) => apiFetch<Znode>(apiUrls.znode(clusterId, path), { signal }),
  });
}
