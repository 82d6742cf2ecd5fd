import { describe, expect, it } from "vitest";
import { duplicateKeys, fromDraft, mergeAcl, newEntry, rowProblem, toDraft } from "./draft";

describe("the ACL editor's draft", () => {
  it("merges a concurrent save: their extra entries are added, shared identities get both permission sets", () => {
    const mine = [{ scheme: "world", id: "anyone", perms: "--r--" }, { scheme: "ip", id: "10.0.0.0/8", perms: "cdrwa" }];
    const theirs = [{ scheme: "world", id: "anyone", perms: "---w-" }, { scheme: "digest", id: "bob:" + "A".repeat(27) + "=", perms: "----a" }];
    expect(fromDraft(mergeAcl(mine, theirs))).toEqual([
      { scheme: "world", id: "anyone", perms: "--rw-" },
      { scheme: "ip", id: "10.0.0.0/8", perms: "cdrwa" },
      { scheme: "digest", id: "bob:" + "A".repeat(27) + "=", perms: "----a" },
    ]);
  });

  it("flags rows ZooKeeper would refuse and duplicates", () => {
    expect(rowProblem({ scheme: "digest", id: "bob:pw", perms: "r" })).toMatch(/28 base64/);
    expect(rowProblem({ scheme: "world", id: "anyone", perms: "-----" })).toMatch(/at least one permission/);
    expect(rowProblem({ scheme: "auth", id: "whatever", perms: "cdrwa" })).toBeNull();
    const draft = [...toDraft([{ scheme: "world", id: "anyone", perms: "r" }]), newEntry("world", "anyone", "w")];
    expect(duplicateKeys(draft)).toEqual(new Set([draft[1].key]));
    expect(fromDraft([newEntry("auth", "x")])).toEqual([{ scheme: "auth", id: "", perms: "cdrwa" }]);
  });
});
