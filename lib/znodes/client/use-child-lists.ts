import { useQueries } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { znodeKeys } from "./keys";
import type { ChildrenPage } from "./types";
import { znodeUrls } from "./urls";

/** Names per request: a screenful or two of rows, small enough to answer at once for 100,000 children. */
export const CHILD_PAGE_SIZE = 200;
/** Pages kept wanted per listing: scrolling far away lets the oldest ones go (the query cache may keep them). */
const MAX_WANTED_PAGES = 40;

export type ChildListRef = { path: string; filter: string };

/** A listing as far as it is loaded: counts from its first page, names of the pages fetched so far. */
export type ChildList = {
  total: number | null;
  matched: number | null;
  nameAt: (index: number) => string | undefined;
  pending: boolean;
  error: unknown;
};

export const listKey = (ref: ChildListRef) => `${ref.path}\u0000${ref.filter}`;

/**
 * Several sorted child listings (the open tree nodes, the children list), fetched a page at a
 * time: the first page of each (for its counts) and whichever pages `want` asks for (the ones in
 * view), so a node with 100,000 children costs one request per screenful.
 */
export function useChildLists(clusterId: string, lists: ChildListRef[]) {
  const [wanted, setWanted] = useState<Record<string, number[]>>({});
  const requests = useMemo(
    () => lists.flatMap((ref) => [...new Set([0, ...(wanted[listKey(ref)] ?? [])])].map((page) => ({ ref, page }))),
    [lists, wanted],
  );
  const results = useQueries({
    queries: requests.map(({ ref, page }) => ({
      queryKey: znodeKeys.childrenPage(clusterId, ref.path, ref.filter, page * CHILD_PAGE_SIZE, CHILD_PAGE_SIZE),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiFetch<ChildrenPage>(znodeUrls.children(clusterId, { path: ref.path, offset: page * CHILD_PAGE_SIZE, limit: CHILD_PAGE_SIZE, filter: ref.filter }), { signal }),
    })),
  });

  const byList = useMemo(() => {
    const pages = new Map<string, Map<number, ChildrenPage>>();
    const state = new Map<string, { pending: boolean; error: unknown }>();
    requests.forEach(({ ref, page }, i) => {
      const key = listKey(ref);
      const r = results[i];
      if (!pages.has(key)) pages.set(key, new Map());
      if (r?.data) pages.get(key)!.set(page, r.data);
      if (page === 0) state.set(key, { pending: r?.isPending ?? true, error: r?.error ?? null });
    });
    const out = new Map<string, ChildList>();
    for (const [key, loaded] of pages) {
      const first = loaded.get(0) ?? [...loaded.values()][0];
      out.set(key, {
        total: first?.total ?? null,
        matched: first?.matched ?? null,
        nameAt: (index) => loaded.get(Math.floor(index / CHILD_PAGE_SIZE))?.children[index % CHILD_PAGE_SIZE],
        pending: state.get(key)?.pending ?? true,
        error: state.get(key)?.error ?? null,
      });
    }
    return out;
  }, [requests, results]);

  /** Ask for the page holding `index` of a listing (it is in view). */
  const want = useCallback((ref: ChildListRef, index: number) => {
    const page = Math.floor(index / CHILD_PAGE_SIZE);
    const key = listKey(ref);
    setWanted((prev) => {
      const pages = prev[key] ?? [];
      if (page === 0 || pages.includes(page)) return prev;
      return { ...prev, [key]: [...pages, page].slice(-MAX_WANTED_PAGES) };
    });
  }, []);

  return { lists: byList, want };
}
