// The znode tree as the flat list of rows it is drawn as (virtualised): every open node's
// children in order, with their ARIA level, position and set size. Pure: no React.
import type { ChildList } from "./use-child-lists";
import { childPath } from "./znode-path";

export type TreeRow =
  /** A znode; `name` is undefined while the page holding it is not loaded yet. */
  | { kind: "node"; key: string; path: string | null; parent: string | null; name: string | undefined; index: number; level: number; posinset: number; setsize: number }
  /** Why an open node shows no children: still loading, failed, nothing matches the filter. */
  | { kind: "note"; key: string; parent: string; level: number; note: "loading" | "error" | "no-match" };

type Input = {
  expanded: ReadonlySet<string>;
  listOf: (path: string) => ChildList | undefined;
  /** The filter applied to a node's children (the current node's, from the URL), or "". */
  filterOf: (path: string) => string;
};

export const rowKey = (parent: string, index: number) => `${parent}\u0000${index}`;

export function treeRows({ expanded, listOf, filterOf }: Input): TreeRow[] {
  const rows: TreeRow[] = [{ kind: "node", key: "/", path: "/", parent: null, name: "/", index: 0, level: 1, posinset: 1, setsize: 1 }];
  const walk = (parent: string, level: number) => {
    const list = listOf(parent);
    if (!list || list.matched === null) {
      rows.push({ kind: "note", key: `${parent}\u0000note`, parent, level, note: list?.error ? "error" : "loading" });
      return;
    }
    if (list.matched === 0) {
      if (filterOf(parent)) rows.push({ kind: "note", key: `${parent}\u0000note`, parent, level, note: "no-match" });
      return;
    }
    for (let index = 0; index < list.matched; index++) {
      const name = list.nameAt(index);
      const path = name === undefined ? null : childPath(parent, name);
      rows.push({ kind: "node", key: path ?? rowKey(parent, index), path, parent, name, index, level, posinset: index + 1, setsize: list.matched });
      if (path !== null && expanded.has(path)) walk(path, level + 1);
    }
  };
  if (expanded.has("/")) walk("/", 2);
  return rows;
}

/** The row of the node's parent: where ArrowLeft goes. */
export function parentRowIndex(rows: TreeRow[], at: number): number {
  const level = rows[at]?.level ?? 1;
  for (let i = at - 1; i >= 0; i--) if (rows[i].level < level) return i;
  return at;
}

/** Type-ahead: the next loaded node (after `from`, wrapping) whose name starts with `prefix`. */
export function findByPrefix(rows: TreeRow[], from: number, prefix: string): number {
  const p = prefix.toLowerCase();
  for (let step = 0; step < rows.length; step++) {
    const i = (from + step) % rows.length;
    const row = rows[i];
    if (row.kind === "node" && row.name?.toLowerCase().startsWith(p)) return i;
  }
  return -1;
}
