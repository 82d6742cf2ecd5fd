"use client";

import { useParams, usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { pathFromSegments } from "@/lib/znodes/client/znode-path";

export const DETAIL_TABS = ["node", "acl", "history"] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

/**
 * What defines a znode view, read from and written to the URL, so Back, Forward, reload and a
 * shared link restore it: the path (the URL's segments), the children filter, the detail tab,
 * the search box's text, the text a content search found.
 * Typing a filter replaces the history entry; choosing a tab adds one.
 */
export function useZnodeView() {
  const params = useParams<{ path?: string[] }>();
  const pathname = usePathname() ?? "";
  const search = useSearchParams();
  const path = pathFromSegments(params.path);
  const filter = search.get("filter") ?? "";
  const query = search.get("q") ?? "";
  /** Text a content search found in this node's value, marked in the data view. */
  const mark = search.get("mark") ?? "";
  const tabParam = search.get("tab");
  const tab: DetailTab = DETAIL_TABS.find((t) => t === tabParam) ?? "node";

  const setParam = useCallback((name: string, value: string, mode: "push" | "replace") => {
    const q = new URLSearchParams(search.toString());
    if (value) q.set(name, value);
    else q.delete(name);
    const query = q.toString();
    // The History API, which Next.js keeps in step with useSearchParams: no server round trip.
    const url = `${pathname}${query ? `?${query}` : ""}`;
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, [pathname, search]);

  return {
    path,
    filter,
    tab,
    query,
    mark,
    setQuery: useCallback((value: string) => setParam("q", value, "replace"), [setParam]),
    setFilter: useCallback((value: string) => setParam("filter", value, "replace"), [setParam]),
    setTab: useCallback((value: DetailTab) => setParam("tab", value === "node" ? "" : value, "push"), [setParam]),
  };
}
