import { describe, expect, it } from "vitest";
import { lineDiff } from "./diff-lines";
import { mergeJson, mergeText, suggestMerge } from "./merge";

describe("line diff for the review step", () => {
  it("numbers old and new lines and folds long unchanged runs", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n");
    const after = before.replace("line 10", "line ten");
    const d = lineDiff(before, after, 2);
    expect(d).toMatchObject({ added: 1, removed: 1, tooLarge: false });
    expect(d.lines).toEqual([
      { kind: "fold", count: 7 },
      { kind: "same", text: "line 8", oldNo: 8, newNo: 8 },
      { kind: "same", text: "line 9", oldNo: 9, newNo: 9 },
      { kind: "del", text: "line 10", oldNo: 10, words: [{ text: "line ", changed: false }, { text: "10", changed: true }] },
      { kind: "add", text: "line ten", newNo: 10, words: [{ text: "line ", changed: false }, { text: "ten", changed: true }] },
      { kind: "same", text: "line 11", oldNo: 11, newNo: 11 },
      { kind: "same", text: "line 12", oldNo: 12, newNo: 12 },
      { kind: "fold", count: 8 },
    ]);
  });

  it("treats markup in values as plain text", () => {
    const d = lineDiff("", "<img src=x onerror=alert(1)>");
    expect(d.lines).toEqual([{ kind: "add", text: "<img src=x onerror=alert(1)>", newNo: 1 }]);
  });
});

describe("word-level changes inside changed lines", () => {
  it("marks only the changed value of a one-line JSON change, on both sides", () => {
    const d = lineDiff('{"a":1,"b":2}', '{"a":11,"b":2}');
    const del = d.lines.find((l) => l.kind === "del");
    const add = d.lines.find((l) => l.kind === "add");
    expect(del && "words" in del && del.words?.filter((w) => w.changed).map((w) => w.text)).toEqual(["1"]);
    expect(add && "words" in add && add.words?.filter((w) => w.changed).map((w) => w.text)).toEqual(["11"]);
    expect(add && "words" in add && add.words?.map((w) => w.text).join("")).toBe('{"a":11,"b":2}');
  });

  it("leaves a rewritten line whole, and pairs lines in order within a change", () => {
    const rewritten = lineDiff("alpha beta gamma", "one two three");
    expect(rewritten.lines.every((l) => !("words" in l) || l.words === undefined)).toBe(true);
    const two = lineDiff("x = 1\ny = 2\n", "x = 10\ny = 20\n");
    const adds = two.lines.filter((l) => l.kind === "add");
    expect(adds.map((l) => "words" in l && l.words?.filter((w) => w.changed).map((w) => w.text))).toEqual([["10"], ["20"]]);
  });
});

describe("three-way merge", () => {
  it("merges JSON key by key and reports keys both sides changed", () => {
    const base = { a: 1, b: 2, nested: { x: 1, y: 1 }, gone: true };
    const yours = { a: 10, b: 2, nested: { x: 2, y: 1 } };
    const theirs = { a: 1, b: 20, nested: { x: 1, y: 2 }, gone: true, added: "t" };
    expect(mergeJson(base, yours, theirs)).toEqual({ value: { a: 10, b: 20, nested: { x: 2, y: 2 }, added: "t" }, conflicts: [] });
    expect(mergeJson({ a: 1 }, { a: 2 }, { a: 3 })).toEqual({ value: { a: 2 }, conflicts: ["/a"] });
  });

  it("merges text line by line and marks overlapping different changes", () => {
    expect(mergeText("a\nb\nc\nd\ne", "A\nb\nc\nd\ne", "a\nb\nc\nd\nE")).toEqual({ text: "A\nb\nc\nd\nE", conflicts: 0 });
    expect(mergeText("a\nb\nc", "a\nmine\nc", "a\ntheirs\nc")).toEqual({ text: "a\n<<<<<<< yours\nmine\n=======\ntheirs\n>>>>>>> theirs\nc", conflicts: 1 });
    expect(mergeText("a\nb", "a\nb\nsame", "a\nb\nsame")).toEqual({ text: "a\nb\nsame", conflicts: 0 });
  });

  it("writes a JSON merge in the style of the value opened: compact stays compact, indentation is kept", () => {
    expect(suggestMerge('{"a":1,"b":2}', '{"a":11,"b":2}', '{"a":1,"b":20}', true).text).toBe('{"a":11,"b":20}');
    expect(suggestMerge('{\n    "a": 1\n}', '{"a":2}', '{"a":1}', true).text).toBe('{\n    "a": 2\n}');
    expect(suggestMerge('{\n\t"a": 1\n}', '{"a":2}', '{"a":1}', true).text).toBe('{\n\t"a": 2\n}');
  });

  it("suggests a JSON merge when all three parse, a line merge otherwise", () => {
    expect(suggestMerge('{\n  "a": 1,\n  "b": 2\n}', '{"a":11,"b":2}', '{"a":1,"b":20}', true)).toEqual({ text: '{\n  "a": 11,\n  "b": 20\n}', conflicts: [], how: "json" });
    expect(suggestMerge("x=1\ny=2\nz=3\nw=4", "x=9\ny=2\nz=3\nw=4", "x=1\ny=2\nz=3\nw=8", false)).toEqual({ text: "x=9\ny=2\nz=3\nw=8", conflicts: [], how: "lines" });
    expect(suggestMerge('{"a":', "{}", "{}", true).how).toBe("lines");
  });
});
