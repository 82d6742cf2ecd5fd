// What a search looks for in one name or value. Regexes run on RE2 (re2js, a linear-time engine:
// no backtracking, so a pattern like (a+)+$ cannot hang the server). Binary values are searched
// byte for byte by a plain query and skipped by a regex (a pattern over bytes is not meaningful text).
import { RE2JS } from "re2js";
import { errors } from "@/lib/core/errors";

export type Hit = { start: number; end: number };

export type Matcher = {
  text: (s: string) => Hit | null;
  /** null: this matcher does not search binary values. */
  bytes: ((b: Buffer) => Hit | null) | null;
};

/** Values larger than this are searched in their first bytes only (ZooKeeper's default limit is 1 MiB). */
export const MAX_SEARCHED_BYTES = 1024 * 1024;

export function matcherOf(q: string, regex: boolean): Matcher {
  if (regex) {
    let re: RE2JS;
    try {
      re = RE2JS.compile(q);
    } catch (e) {
      throw errors.badRequest(`q is not a valid RE2 regular expression: ${(e as Error).message}`);
    }
    return {
      text: (s) => {
        const m = re.matcher(s);
        return m.find() ? { start: m.start(), end: m.end() } : null;
      },
      bytes: null,
    };
  }
  const needle = q.toLowerCase();
  const quoted = RE2JS.compile(RE2JS.quote(q), RE2JS.CASE_INSENSITIVE);
  const raw = Buffer.from(q, "utf8");
  return {
    text: (s) => {
      const lower = s.toLowerCase();
      // Lower-casing can change the length (e.g. "İ"); then positions come from RE2 instead.
      if (lower.length !== s.length) {
        const m = quoted.matcher(s);
        return m.find() ? { start: m.start(), end: m.end() } : null;
      }
      const at = lower.indexOf(needle);
      return at < 0 ? null : { start: at, end: at + needle.length };
    },
    bytes: (b) => {
      const at = b.indexOf(raw);
      return at < 0 ? null : { start: at, end: at + raw.length };
    },
  };
}

const BEFORE = 40;
const AFTER = 60;

/** Up to 40 characters before the hit and 60 after it, the hit's place in the snippet. */
export function snippetOf(s: string, hit: Hit): { snippet: string; highlight: [number, number] } {
  const from = Math.max(0, hit.start - BEFORE);
  const to = Math.min(s.length, hit.end + AFTER);
  return { snippet: s.slice(from, to), highlight: [hit.start - from, hit.end - from] };
}

/** Bytes around a binary hit, printable ASCII as is and everything else as a dot. */
export function byteSnippetOf(b: Buffer, hit: Hit): { snippet: string; highlight: [number, number] } {
  const from = Math.max(0, hit.start - BEFORE);
  const to = Math.min(b.length, hit.end + AFTER);
  const snippet = Array.from(b.subarray(from, to), (c) => (c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : ".")).join("");
  return { snippet, highlight: [hit.start - from, hit.end - from] };
}
