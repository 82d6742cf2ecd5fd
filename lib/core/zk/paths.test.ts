import { describe, expect, it } from "vitest";
import { joinPath, parentOf, pathProblem, validatePath } from "./paths";

describe("znode path rules", () => {
  it.each([
    ["/", null],
    ["/app", null],
    ["/app/config/database", null],
    ["/ünïcødé/名前", null],
  ])("accepts %s", (path, problem) => expect(pathProblem(path)).toBe(problem));

  it.each([
    ["", /empty/],
    ["app", /start with \//],
    ["/app/", /end with \//],
    ["/app//config", /empty segment/],
    ["/app/./config", /relative/],
    ["/app/..", /relative/],
    ["/app/\u0001x", /control character/],
    ["/app/\u0000x", /NUL/],
    ["/" + "a".repeat(5000), /longer than/],
  ])("rejects %j with the broken rule", (path, rule) => expect(pathProblem(path)).toMatch(rule));

  it("throws a 400 INVALID_PATH error naming the rule", () => {
    expect(() => validatePath("/a//b")).toThrowError(expect.objectContaining({ status: 400, code: "INVALID_PATH" }));
  });

  it("joins and splits paths", () => {
    expect(joinPath("/", "a")).toBe("/a");
    expect(joinPath("/a", "b")).toBe("/a/b");
    expect(parentOf("/a/b")).toBe("/a");
    expect(parentOf("/a")).toBe("/");
  });
});
