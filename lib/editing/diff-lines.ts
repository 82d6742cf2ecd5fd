// Line diff of two values for the review step, with long unchanged runs folded.
import { diffLines } from "diff";

export type DiffLine =
  | { kind: "same" | "del" | "add"; text: string; oldNo?: number; newNo?: number }
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
  return { lines: foldUnchanged(full, context), added, removed, tooLarge: false };
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
