import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { useDebouncedValue } from "@/lib/core/client/use-debounced-value";
import { znodeKeys } from "./keys";
import type { ChildrenPage } from "./types";
import { znodeUrls } from "./urls";
import { childPath } from "./znode-path";

const SUGGESTIONS = 20;

/** "/app/con" → the parent "/app" and the start of a child's name, "con". */
export function splitTyped(typed: string): { parent: string; prefix: string } {
  const cut = typed.lastIndexOf("/");
  return { parent: cut <= 0 ? "/" : typed.slice(0, cut), prefix: typed.slice(cut + 1) };
}

/**
 * Paths completing what the operator typed: "/app/con" lists the children of /app whose
 * name contains "con" (the children endpoint's filter; those starting with it first).
 */
export function usePathSuggestions(clusterId: string | null, typed: string) {
  const text = useDebouncedValue(typed, 150);
  const { parent, prefix } = splitTyped(text);
  const enabled = clusterId !== null && text.startsWith("/");
  const page = useQuery({
    queryKey: znodeKeys.childrenPage(clusterId ?? "", parent, prefix, 0, SUGGESTIONS),
    queryFn: ({ signal }) => apiFetch<ChildrenPage>(znodeUrls.children(clusterId ?? "", { path: parent, offset: 0, limit: SUGGESTIONS, filter: prefix }), { signal }),
    enabled,
    retry: false,
  });
  const lower = prefix.toLowerCase();
  const names = enabled ? [...(page.data?.children ?? [])].sort((a, b) => Number(!a.toLowerCase().startsWith(lower)) - Number(!b.toLowerCase().startsWith(lower))) : [];
  return { paths: names.map((n) => childPath(parent, n)), matched: page.data?.matched ?? 0, error: page.error };
}
