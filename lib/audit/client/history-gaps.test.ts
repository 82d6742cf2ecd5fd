import { describe, expect, it } from "vitest";
import { gapText, withGaps, type HistoryItem } from "./history-gaps";
import type { HistoryEntry } from "./types";

let id = 0;
const entry = (operation: string, before: number | null, after: number | null, outcome = "ok", path = "/n"): HistoryEntry =>
  ({ id: ++id, operation, path, outcome, before: { data: null, hash: null, version: before }, after: { data: null, hash: null, version: after } }) as HistoryEntry;
const newestFirst = (...es: HistoryEntry[]) => es.reverse();
const shape = (items: HistoryItem[]) => items.map((i) => (i.kind === "gap" ? gapText(i) : `${i.entry.operation} ${i.entry.outcome}`));

describe("history gaps from the Stat the console saw", () => {
  it("shows a change made outside the console between two audited ones, and since the last one", () => {
    const items = withGaps("/n", newestFirst(entry("create", null, 0), entry("set", 0, 1), entry("set", 3, null, "failed")), 4);
    expect(shape(items)).toEqual([
      "Changed outside the console since version 3 (now version 4)",
      "set failed",
      "Changed outside the console between version 1 and 3",
      "set ok",
      "create ok",
    ]);
  });

  it("has no gap when every version came from the console", () => {
    expect(shape(withGaps("/n", newestFirst(entry("create", null, 0), entry("set", 0, 1), entry("restore", 1, 2)), 2))).toEqual(["restore ok", "set ok", "create ok"]);
  });

  it("ignores ACL versions, copies into the path, and a node deleted since", () => {
    const items = withGaps("/n", newestFirst(entry("create", null, 0), entry("set_acl", 0, 1), entry("copy", null, 7, "ok", "/other"), entry("set", 0, 1), entry("delete", 1, null)), null);
    expect(shape(items)).toEqual(["delete ok", "set ok", "copy ok", "set_acl ok", "create ok"]);
  });
});
