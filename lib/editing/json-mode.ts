// JSON checked and formatted from its tokens rather than JSON.parse: the error position is
// exact in every browser, and formatting keeps number literals (no precision loss on big
// integers), key order and duplicate keys exactly as written.
import { problemAt, ProblemError, type Problem } from "./problem";

type Kind = "{" | "}" | "[" | "]" | ":" | "," | "string" | "number" | "literal";
type Token = { kind: Kind; text: string; offset: number };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const MAX_DEPTH = 512;

function readString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') return i + 1;
    if (c === "\\") {
      const e = text[i + 1];
      if (e === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new ProblemError(problemAt(text, i, "\\u must be followed by four hex digits"));
        i += 6;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
      else throw new ProblemError(problemAt(text, i, `invalid escape \\${e ?? ""} in a string`));
    } else if (c.charCodeAt(0) < 0x20) {
      throw new ProblemError(problemAt(text, i, c === "\n" ? "the string is not closed before the end of the line" : "a control character must be escaped inside a string"));
    } else i++;
  }
  throw new ProblemError(problemAt(text, start, "the string is never closed"));
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") { i++; continue; }
    if ("{}[]:,".includes(c)) { tokens.push({ kind: c as Kind, text: c, offset: i }); i++; continue; }
    if (c === '"') { const end = readString(text, i); tokens.push({ kind: "string", text: text.slice(i, end), offset: i }); i = end; continue; }
    const matched = ([[NUMBER, "number"], [LITERAL, "literal"]] as const).find(([re]) => {
      re.lastIndex = i;
      return re.test(text);
    });
    if (matched) {
      const [re, kind] = matched;
      const m = text.slice(i, re.lastIndex);
      tokens.push({ kind, text: m, offset: i });
      i += m.length;
      continue;
    }
    const word = /^[^\s{}[\]:,"]+/.exec(text.slice(i))?.[0] ?? c;
    const hint = c === "'" ? " (JSON strings use double quotes)" : /^[A-Za-z_$]/.test(word) ? " (property names and strings need double quotes)" : "";
    throw new ProblemError(problemAt(text, i, `unexpected ${JSON.stringify(word.slice(0, 20))}${hint}`));
  }
  return tokens;
}

/** Walks the token list as a JSON value; throws a ProblemError at the first mistake. */
function checkTokens(text: string, tokens: Token[]) {
  let pos = 0;
  const at = (message: string, t = tokens[pos]) => new ProblemError(problemAt(text, t ? t.offset : text.length, message));
  // String tokens carry their own quotes; anything else is quoted here.
  const describe = (t?: Token) => (!t ? "the end of the text" : t.kind === "string" ? t.text.slice(0, 22) : `"${t.text.slice(0, 20)}"`);
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) throw at(`nesting is deeper than ${MAX_DEPTH} levels`);
    const t = tokens[pos];
    if (!t) throw at("expected a value but the text ends here");
    if (t.kind === "string" || t.kind === "number" || t.kind === "literal") { pos++; return; }
    if (t.kind !== "{" && t.kind !== "[") throw at(`expected a value, found ${describe(t)}`);
    const close = t.kind === "{" ? "}" : "]";
    pos++;
    if (tokens[pos]?.kind === close) { pos++; return; }
    for (;;) {
      if (close === "}") {
        if (tokens[pos]?.kind !== "string") throw at(tokens[pos]?.kind === "}" ? "trailing comma before }" : `expected a property name in double quotes, found ${describe(tokens[pos])}`);
        pos++;
        if (tokens[pos]?.kind !== ":") throw at(`expected ':' after the property name, found ${describe(tokens[pos])}`);
        pos++;
      } else if (tokens[pos]?.kind === "]") throw at("trailing comma before ]");
      value(depth + 1);
      const next = tokens[pos];
      if (next?.kind === close) { pos++; return; }
      if (next?.kind !== ",") throw at(`expected ',' or '${close}', found ${describe(next)}`);
      pos++;
    }
  };
  if (tokens.length === 0) throw at("the text is empty; JSON needs a value such as {} or \"\"");
  value(0);
  if (pos < tokens.length) throw at(`unexpected ${describe(tokens[pos])} after the end of the JSON value`);
}

function parseTokens(text: string): Token[] {
  const tokens = tokenize(text);
  checkTokens(text, tokens);
  return tokens;
}

export function checkJson(text: string): Problem | null {
  try {
    parseTokens(text);
    return null;
  } catch (e) {
    if (e instanceof ProblemError) return e.problem;
    throw e;
  }
}

/** Pretty-printed with two-space indentation; literals are kept verbatim. Throws ProblemError. */
export function formatJson(text: string): string {
  const tokens = parseTokens(text);
  let out = "";
  let depth = 0;
  const pad = () => "\n" + "  ".repeat(depth);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === "{" || t.kind === "[") {
      const next = tokens[i + 1];
      if (next && (next.kind === "}" || next.kind === "]")) { out += t.text + next.text; i++; continue; }
      depth++;
      out += t.text + pad();
    } else if (t.kind === "}" || t.kind === "]") {
      depth--;
      out += pad() + t.text;
    } else if (t.kind === ",") out += "," + pad();
    else if (t.kind === ":") out += ": ";
    else out += t.text;
  }
  return out;
}

/** One line, no insignificant whitespace. Throws ProblemError. */
export const compactJson = (text: string): string => parseTokens(text).map((t) => t.text).join("");
