// A unified patch from the diff API, shown as the same rows as a line diff.
import { createTwoFilesPatch } from "diff";
import { describe, expect, it } from "vitest";
import { patchLines } from "./diff-lines";

describe("patchLines", () => {
  it("numbers the lines of each hunk, marks the changed words and folds what lies between hunks", () => {
    const before = Array.from({ length: 20 }, (_, i) => (i === 1 ? "line 2 of the config" : `line ${i + 1}`));
    const after = before.map((l, i) => (i === 1 ? "line 2 of the settings" : i === 17 ? "line 18 changed" : l));
    const rows = patchLines(createTwoFilesPatch("right/a", "left/a", before.join("\n") + "\n", after.join("\n") + "\n"));
    expect(rows.filter((r) => r.kind === "del")).toMatchObject([{ text: "line 2 of the config", oldNo: 2 }, { text: "line 18", oldNo: 18 }]);
    const added = rows.find((r) => r.kind === "add");
    expect(added).toMatchObject({ text: "line 2 of the settings", newNo: 2 });
    expect(added?.kind === "add" && added.words?.filter((w) => w.changed).map((w) => w.text)).toEqual(["settings"]);
    expect(rows.filter((r) => r.kind === "fold")).toEqual([{ kind: "fold", count: 7 }]);
  });

  it("gives no rows for an empty patch", () => {
    expect(patchLines("")).toEqual([]);
  });
});
