// Three-way merge of a conflicting edit: base (what the operator opened), yours (their
// edit), theirs (what another client saved meanwhile). The result only pre-fills the
// merge box; the operator reviews and edits it before anything is saved.
import { diffArrays } from "diff";

type Hunk = { start: number; end: number; lines: string[]; side: "yours" | "theirs" };

/** Changed base ranges [start, end) of one side and their replacement lines. */
function hunksOf(base: string[], side: string[], tag: Hunk["side"]): Hunk[] {
  const hunks: Hunk[] = [];
  let at = 0;
  let open: Hunk | null = null;
  for (const change of diffArrays(base, side)) {
    if (!change.added && !change.removed) {
      if (open) hunks.push(open);
      open = null;
      at += change.count ?? change.value.length;
      continue;
    }
    open ??= { start: at, end: at, lines: [], side: tag };
    if (change.removed) { at += change.value.length; open.end = at; }
    else open.lines.push(...change.value);
  }
  if (open) hunks.push(open);
  return hunks;
}

/** Apply one side's hunks to base[from, to). */
function applyRange(base: string[], hunks: Hunk[], from: number, to: number): string[] {
  const out: string[] = [];
  let i = from;
  for (const h of hunks) {
    out.push(...base.slice(i, h.start), ...h.lines);
    i = h.end;
  }
  return [...out, ...base.slice(i, to)];
}

/** Line-based diff3. Changes that overlap or touch and differ become a marked conflict block. */
export function mergeText(base: string, yours: string, theirs: string): { text: string; conflicts: number } {
  const b = base.split("\n");
  const all = [...hunksOf(b, yours.split("\n"), "yours"), ...hunksOf(b, theirs.split("\n"), "theirs")].sort((x, y) => x.start - y.start || x.end - y.end);
  const out: string[] = [];
  let conflicts = 0;
  let i = 0;
  let cursor = 0;
  while (i < all.length) {
    const group = [all[i++]];
    let end = group[0].end;
    while (i < all.length && all[i].start <= end) { end = Math.max(end, all[i].end); group.push(all[i++]); }
    const start = group[0].start;
    out.push(...b.slice(cursor, start));
    const mine = group.filter((h) => h.side === "yours");
    const other = group.filter((h) => h.side === "theirs");
    const y = applyRange(b, mine, start, end);
    const t = applyRange(b, other, start, end);
    if (mine.length === 0) out.push(...t);
    else if (other.length === 0 || y.join("\n") === t.join("\n")) out.push(...y);
    else { conflicts++; out.push("<<<<<<< yours", ...y, "=======", ...t, ">>>>>>> theirs"); }
    cursor = end;
  }
  out.push(...b.slice(cursor));
  return { text: out.join("\n"), conflicts };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Key-by-key merge of parsed JSON; where both sides changed a key differently, yours is kept and the key reported. */
export function mergeJson(base: Json | undefined, yours: Json | undefined, theirs: Json | undefined, at = ""): { value: Json | undefined; conflicts: string[] } {
  if (same(yours, theirs) || same(base, theirs)) return { value: yours, conflicts: [] };
  if (same(base, yours)) return { value: theirs, conflicts: [] };
  if (isObject(yours) && isObject(theirs)) {
    const b = isObject(base) ? base : {};
    const value: Record<string, Json> = {};
    const conflicts: string[] = [];
    for (const key of [...new Set([...Object.keys(yours), ...Object.keys(theirs)])]) {
      const r = mergeJson(b[key], yours[key], theirs[key], `${at}/${key}`);
      conflicts.push(...r.conflicts);
      if (r.value !== undefined) value[key] = r.value;
    }
    return { value, conflicts };
  }
  return { value: yours, conflicts: [at || "/"] };
}

export type MergeSuggestion = { text: string; conflicts: string[]; how: "json" | "lines" };

/**
 * How a JSON text is laid out, to write a merge the same way: on one line (undefined), or
 * indented with the whitespace of its first indented line.
 */
export function jsonIndentOf(text: string): string | undefined {
  if (!text.trim().includes("\n")) return undefined;
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
}

/**
 * JSON merged by keys when all three parse (written in the style of what the operator opened:
 * compact stays compact), else lines with conflict markers.
 */
export function suggestMerge(base: string, yours: string, theirs: string, json: boolean): MergeSuggestion {
  if (json) {
    try {
      const parsed = [base, yours, theirs].map((t) => JSON.parse(t) as Json);
      const r = mergeJson(parsed[0], parsed[1], parsed[2]);
      return { text: JSON.stringify(r.value ?? null, null, jsonIndentOf(base)), conflicts: r.conflicts, how: "json" };
    } catch { /* not all three are JSON: merge lines */ }
  }
  const r = mergeText(base, yours, theirs);
  return { text: r.text, conflicts: r.conflicts ? [`${r.conflicts} conflicting block${r.conflicts === 1 ? "" : "s"} marked <<<<<<< yours / ======= / >>>>>>> theirs`] : [], how: "lines" };
}
