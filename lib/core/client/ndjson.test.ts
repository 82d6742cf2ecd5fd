import { describe, expect, it } from "vitest";
import { readLine, splitLines } from "./ndjson";

describe("NDJSON progress lines", () => {
  it("keeps an unfinished line until its end arrives", () => {
    const a = splitLines("", '{"type":"progress","phase":"writing","done":1,"total":9}\n{"type":"pro');
    expect(a.lines).toHaveLength(1);
    expect(readLine(a.lines[0])).toEqual({ type: "progress", phase: "writing", done: 1, total: 9 });
    const b = splitLines(a.rest, 'gress","phase":"writing","done":9,"total":9}\n\n{"type":"result","result":{"copied":9}}\n');
    expect(b.lines.map(readLine)).toEqual([{ type: "progress", phase: "writing", done: 9, total: 9 }, { type: "result", result: { copied: 9 } }]);
    expect(b.rest).toBe("");
  });

  it("refuses lines that are not progress messages", () => {
    expect(() => readLine("42")).toThrow(/unexpected progress line/);
    expect(() => readLine("{oops")).toThrow();
  });
});
