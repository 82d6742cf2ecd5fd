import { useQueries } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { znodeKeys } from "./keys";
import type { ChildrenPage } from "./types";
import { znodeUrls } from "./urls";

export type ChildRef = { parent: string; name: string; filter: string };

/**
 * Where each node of a trail sits among its parent's (sorted, filtered) children: the tree opens
 * a deep link such as /big/item-09995 at the right page instead of loading every page before it.
 * `null` while unknown or when the child is not (or no longer) there.
 */
export function useChildIndexes(clusterId: string, refs: ChildRef[]): (number | null)[] {
  return useQueries({
    queries: refs.map((ref) => ({
      queryKey: znodeKeys.childIndex(clusterId, ref.parent, ref.filter, ref.name),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiFetch<ChildrenPage>(znodeUrls.children(clusterId, { path: ref.parent, offset: 0, limit: 1, filter: ref.filter, locate: ref.name }), { signal }),
    })),
    combine: (results) => results.map((r) => r.data?.index ?? null),
  });
}
