import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { znodeKeys } from "./keys";
import type { ChildrenPage } from "./types";
import { znodeUrls } from "./urls";

type Args = { clusterId: string; path: string; filter?: string; pageSize: number; enabled?: boolean };

/** Children of a znode, one server page at a time (offset/limit), optionally filtered server-side. */
export function useChildren({ clusterId, path, filter = "", pageSize, enabled = true }: Args) {
  return useInfiniteQuery({
    queryKey: znodeKeys.children(clusterId, path, filter, pageSize),
    enabled,
    initialPageParam: 0,
    // While the filter changes keep the old rows on screen; a different path starts empty.
    placeholderData: (previous: InfiniteData<ChildrenPage, number> | undefined, previousQuery) =>
      previousQuery?.queryKey[1] === clusterId && previousQuery.queryKey[3] === path ? previous : undefined,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<ChildrenPage>(znodeUrls.children(clusterId, { path, offset: pageParam, limit: pageSize, filter }), { signal }),
    getNextPageParam: (last) => {
      const next = last.offset + last.children.length;
      return last.children.length > 0 && next < last.matched ? next : undefined;
    },
  });
}

export function flattenChildren(pages: ChildrenPage[] | undefined): string[] {
  return pages ? pages.flatMap((page) => page.children) : [];
}
