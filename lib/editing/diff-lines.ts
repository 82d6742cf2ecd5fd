// Line diff of two values (editor review, History, Audit), with long unchanged runs folded and
// the changed words marked inside a changed line.
import { diffLines, diffWordsWithSpace, parsePatch } from "diff";

/** A run of a changed line's text; `changed` marks the words that differ from its counterpart. */
export type WordPart = { text: string; changed: boolean };

export type DiffLine =
  | { kind: "same" | "del" | "add"; text: string; oldNo?: number; newNo?: number; words?: WordPart[] }
  | { kind: "fold"; count: number };

export type LineDiff = { lines: DiffLine[]; added: number; removed: number; tooLarge: boolean };

// Beyond this many edits the diff is not worth computing in the browser (and not readable).
const MAX_EDIT_LENGTH = 4000;

const splitValue = (value: string) => (value.endsWith("\n") ? value.slice(0, -1) : value).split("\n");

export function lineDiff(before: string, after: string, context = 3): LineDiff {
  const changes = diffLines(before, after, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return { lines: [], added: 0, removed: 0, tooLarge: true };
  const full: DiffLine[] = [];
  let oldNo = 1;
  let newNo = 1;
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    if (change.value === "") continue;
    for (const text of splitValue(change.value)) {
      if (change.added) { full.push({ kind: "add", text, newNo: newNo++ }); added++; }
      else if (change.removed) { full.push({ kind: "del", text, oldNo: oldNo++ }); removed++; }
      else full.push({ kind: "same", text, oldNo: oldNo++, newNo: newNo++ });
    }
  }
  markWords(full);
  return { lines: foldUnchanged(full, context), added, removed, tooLarge: false };
}

/**
 * The rows of a unified patch (the diff API sends one per changed text value), shown like a line
 * diff: hunks with their line numbers, the unchanged stretches between them folded.
 */
export function patchLines(patch: string): DiffLine[] {
  const out: DiffLine[] = [];
  let nextOld = 1;
  for (const hunk of parsePatch(patch)[0]?.hunks ?? []) {
    if (hunk.oldStart > nextOld) out.push({ kind: "fold", count: hunk.oldStart - nextOld });
    let oldNo = hunk.oldStart;
    let newNo = hunk.newStart;
    for (const line of hunk.lines) {
      const text = line.slice(1);
      if (line[0] === "-") out.push({ kind: "del", text, oldNo: oldNo++ });
      else if (line[0] === "+") out.push({ kind: "add", text, newNo: newNo++ });
      else if (line[0] === " ") out.push({ kind: "same", text, oldNo: oldNo++, newNo: newNo++ });
    }
    nextOld = oldNo;
  }
  markWords(out);
  return out;
}

// Longer lines are not worth a word diff (and the highlighting would be noise).
const MAX_WORD_DIFF_CHARS = 10_000;

/**
 * Within each change (removed lines followed by added lines), line i of one side is compared
 * with line i of the other word by word, when they share enough to make the highlight useful.
 */
function markWords(lines: DiffLine[]) {
  for (let i = 0; i < lines.length; ) {
    const dels: number[] = [];
    const adds: number[] = [];
    while (i < lines.length && lines[i].kind === "del") dels.push(i++);
    while (i < lines.length && lines[i].kind === "add") adds.push(i++);
    if (dels.length === 0 && adds.length === 0) { i++; continue; }
    for (let k = 0; k < Math.min(dels.length, adds.length); k++) {
      const del = lines[dels[k]] as Extract<DiffLine, { text: string }>;
      const add = lines[adds[k]] as Extract<DiffLine, { text: string }>;
      if (del.text.length + add.text.length > MAX_WORD_DIFF_CHARS) continue;
      const parts = diffWordsWithSpace(del.text, add.text);
      const kept = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.length, 0);
      if (kept * 2 < Math.max(del.text.length, add.text.length)) continue; // mostly rewritten: the whole line is the change
      del.words = parts.filter((p) => !p.added).map((p) => ({ text: p.value, changed: !!p.removed }));
      add.words = parts.filter((p) => !p.removed).map((p) => ({ text: p.value, changed: !!p.added }));
    }
  }
}

/** Keep `context` unchanged lines around each change; fold longer unchanged runs. */
export function foldUnchanged(lines: DiffLine[], context: number): DiffLine[] {
  const near = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, i) => {
    if (line.kind === "add" || line.kind === "del") for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) near[j] = true;
  });
  const out: DiffLine[] = [];
  let folded = 0;
  lines.forEach((line, i) => {
    if (near[i] || line.kind !== "same") {
      if (folded) out.push({ kind: "fold", count: folded });
      folded = 0;
      out.push(line);
    } else folded++;
  });
  if (folded) out.push({ kind: "fold", count: folded });
  return out;
}
