// Java .properties rules (java.util.Properties.load): comments start with # or !, a logical
// line continues after an odd number of trailing backslashes, the key ends at the first
// unescaped '=', ':' or whitespace.
import { ProblemError, type Problem } from "./problem";

export type PropertyLine =
  | { kind: "blank"; line: number; raw: string[] }
  | { kind: "comment"; line: number; raw: string[] }
  | { kind: "entry"; line: number; raw: string[]; key: string; value: string };

const endsWithContinuation = (s: string) => (/\\+$/.exec(s)?.[0].length ?? 0) % 2 === 1;

function splitEntry(logical: string): { key: string; value: string; keyEnd: number } {
  let i = 0;
  while (i < logical.length) {
    const c = logical[i];
    if (c === "\\") { i += 2; continue; }
    if (c === "=" || c === ":" || c === " " || c === "\t" || c === "\f") break;
    i++;
  }
  const key = logical.slice(0, i);
  const rest = logical.slice(i).replace(/^[ \t\f]*/, "");
  const value = /^[=:]/.test(rest) ? rest.slice(1).replace(/^[ \t\f]*/, "") : rest;
  return { key, value, keyEnd: i };
}

export function parseProperties(text: string): PropertyLine[] {
  const physical = text.split(/\r\n|\r|\n/);
  const out: PropertyLine[] = [];
  for (let n = 0; n < physical.length; n++) {
    const first = physical[n].replace(/^[ \t\f]*/, "");
    const line = n + 1;
    if (first === "") { out.push({ kind: "blank", line, raw: [physical[n]] }); continue; }
    if (first[0] === "#" || first[0] === "!") { out.push({ kind: "comment", line, raw: [physical[n]] }); continue; }
    const raw = [physical[n]];
    let logical = first;
    while (endsWithContinuation(logical) && n + 1 < physical.length) {
      n++;
      raw.push(physical[n]);
      logical = logical.slice(0, -1) + physical[n].replace(/^[ \t\f]*/, "");
    }
    const { key, value } = splitEntry(logical);
    out.push({ kind: "entry", line, raw, key, value });
  }
  return out;
}

/** Errors (a malformed \uXXXX escape, which Java refuses) and warnings (duplicate or empty keys). */
export function checkProperties(text: string): { error: Problem | null; warnings: Problem[] } {
  const warnings: Problem[] = [];
  const seen = new Map<string, number>();
  for (const entry of parseProperties(text)) {
    for (let r = 0; r < entry.raw.length; r++) {
      const bad = /\\u(?![0-9a-fA-F]{4})/.exec(entry.raw[r].replace(/\\\\/g, "  "));
      if (bad) return { error: { line: entry.line + r, column: bad.index + 1, message: "malformed \\uXXXX escape: \\u needs four hex digits" }, warnings };
    }
    if (entry.kind !== "entry") continue;
    if (entry.key === "") warnings.push({ line: entry.line, column: 1, message: "the line has an empty key" });
    const before = seen.get(entry.key);
    if (before !== undefined) warnings.push({ line: entry.line, column: 1, message: `the key ${entry.key} is already set on line ${before}; the last one wins` });
    else seen.set(entry.key, entry.line);
  }
  return { error: null, warnings };
}

/** `key=value` with the separator normalised; comments, blank lines and escapes kept. Throws ProblemError. */
export function formatProperties(text: string): string {
  const { error } = checkProperties(text);
  if (error) throw new ProblemError(error);
  return parseProperties(text)
    .map((e) => {
      if (e.kind === "blank") return "";
      if (e.kind === "comment") return e.raw[0].trim();
      if (e.raw.length === 1) return `${e.key}=${e.value}`;
      // Keep continuation lines as the author broke them, indented under the key.
      const first = splitEntry(e.raw[0].replace(/^[ \t\f]*/, ""));
      return [`${first.key}=${first.value}`, ...e.raw.slice(1).map((r) => "    " + r.trim())].join("\n");
    })
    .join("\n");
}
