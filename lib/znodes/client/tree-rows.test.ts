import { describe, expect, it } from "vitest";
import { findByPrefix, parentRowIndex, treeRows, type TreeRow } from "./tree-rows";
import type { ChildList } from "./use-child-lists";

// A listing of `names`, of which only the first `loaded` are fetched (as the pages in view would be).
const list = (names: string[], loaded = names.length): ChildList => ({ total: names.length, matched: names.length, nameAt: (i) => (i < loaded ? names[i] : undefined), pending: false, error: null });
const show = (rows: TreeRow[]) => rows.map((r) => (r.kind === "note" ? `${"  ".repeat(r.level - 1)}(${r.note})` : `${"  ".repeat(r.level - 1)}${r.name ?? "?"} ${r.posinset}/${r.setsize}`));

describe("the tree as flat rows", () => {
  const lists: Record<string, ChildList> = { "/": list(["app", "big", "zookeeper"]), "/big": list(Array.from({ length: 100_000 }, (_, i) => `item-${i}`), 2), "/app": list([]) };
  const listOf = (p: string) => lists[p];

  it("puts every child of an open node in place, loaded or not, with level, position and set size", () => {
    const rows = treeRows({ expanded: new Set(["/", "/big"]), listOf, filterOf: () => "" });
    expect(rows).toHaveLength(1 + 3 + 100_000);
    expect(show(rows.slice(0, 6))).toEqual(["/ 1/1", "  app 1/3", "  big 2/3", "    item-0 1/100000", "    item-1 2/100000", "    ? 3/100000"]);
    expect(show(rows.slice(-1))).toEqual(["  zookeeper 3/3"]);
    expect(rows[5]).toMatchObject({ path: null, parent: "/big", index: 2 });
  });

  it("says why an open node shows nothing: loading, or no child matches the filter", () => {
    const rows = treeRows({ expanded: new Set(["/", "/app", "/zookeeper"]), listOf, filterOf: (p) => (p === "/app" ? "x" : "") });
    expect(show(rows)).toEqual(["/ 1/1", "  app 1/3", "    (no-match)", "  big 2/3", "  zookeeper 3/3", "    (loading)"]);
  });

  it("finds the parent row and the next name by prefix, wrapping around", () => {
    const rows = treeRows({ expanded: new Set(["/", "/big"]), listOf, filterOf: () => "" });
    expect(parentRowIndex(rows, 4)).toBe(2);
    expect(findByPrefix(rows, 3, "z")).toBe(rows.length - 1);
    expect(findByPrefix(rows, rows.length - 1, "ap")).toBe(1);
    expect(findByPrefix(rows, 0, "nothing")).toBe(-1);
  });
});
