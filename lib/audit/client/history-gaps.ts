// Where a znode's version moved without the console: between two audited changes (the second
// saw a newer version than the first left), or since the last one (the node is newer now).
import type { HistoryEntry } from "./types";

export type HistoryGap = { kind: "gap"; from: number; to: number; now: boolean };
export type HistoryItem = { kind: "entry"; entry: HistoryEntry } | HistoryGap;

// Operations whose versions are the node's data version (an ACL change records its aversion).
const DATA_VERSION_OPS = new Set(["create", "set", "restore", "delete", "delete_recursive", "force_release"]);

/**
 * The history of `path` (newest first) with the gaps the Stat reveals. `currentVersion` is the
 * version the console reads now (null when the node does not exist).
 */
export function withGaps(path: string, entries: HistoryEntry[], currentVersion: number | null): HistoryItem[] {
  const items: HistoryItem[] = [];
  let known: number | null = null; // the last data version the console saw, going forward in time
  for (const entry of [...entries].reverse()) {
    if (DATA_VERSION_OPS.has(entry.operation) && entry.path === path) {
      const seen = entry.before.version;
      if (known !== null && seen !== null && seen > known) items.push({ kind: "gap", from: known, to: seen, now: false });
      if (entry.operation.startsWith("delete") || entry.operation === "force_release") known = entry.outcome === "ok" ? null : seen ?? known;
      else if (entry.outcome === "ok") known = entry.after.version ?? known;
      else known = seen ?? known;
    }
    items.push({ kind: "entry", entry });
  }
  if (known !== null && currentVersion !== null && currentVersion > known) items.push({ kind: "gap", from: known, to: currentVersion, now: true });
  return items.reverse();
}

export const gapText = (g: HistoryGap) =>
  g.now ? `Changed outside the console since version ${g.from} (now version ${g.to})` : `Changed outside the console between version ${g.from} and ${g.to}`;
