// Diff of two 10,001-node subtrees on two real ZooKeepers with 50 planted differences.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "@/lib/clusters/registry";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import { GET } from "@/app/api/v1/diff/route";
import { callRoute, grant, makeUser } from "@/test/support/auth";
import { ndjsonRows, plant, wideTree, type Row } from "@/test/support/corpus";

const text = (b: number, l: number) => Buffer.from(`name=b${b}-l${l}\nport=${2000 + l}\n`);
const binary = (b: number, l: number) => Buffer.from([0, 0xff, b, l & 0xff, 0]);
const value = (b: number, l: number) => (l % 7 === 0 ? binary(b, l) : text(b, l));

describe("diff between two clusters", () => {
  let a: LocalEnsemble;
  let b: LocalEnsemble;
  let left: string;
  let right: string;
  let admin: string;
  const planted = new Map<string, string>(); // relative path → row type
  const raw = (e: LocalEnsemble, id: string) => getClient({ id, connectionString: e.connectionString, sessionTimeoutMs: 10_000 });
  const diff = async (query: Record<string, string>, userId = admin) => {
    const r = await callRoute(GET, "GET", `/api/v1/diff?${new URLSearchParams(query)}`, {}, { userId });
    return { status: r.status, json: r.json, rows: r.status !== 200 ? [] : typeof r.json === "string" ? ndjsonRows(r.json) : [r.json as Row] };
  };
  const differences = (rows: Row[]) => new Map(rows.filter((r) => ["added", "removed", "changed"].includes(r.type)).map((r) => [r.path as string, r.type]));

  beforeAll(async () => {
    [a, b] = await Promise.all([startEnsemble({ size: 1 }), startEnsemble({ size: 1 })]);
    left = (await createCluster({ name: `diff-a-${Date.now()}`, connectionString: a.connectionString })).id;
    right = (await createCluster({ name: `diff-b-${Date.now()}`, connectionString: b.connectionString })).id;
    const [ca, cb] = await Promise.all([raw(a, "diff-raw-a"), raw(b, "diff-raw-b")]);
    await cb.create("/t", Buffer.alloc(0), 0);
    await Promise.all([plant(ca, wideTree("/d", 10, 1000, value)), plant(cb, wideTree("/t/d", 10, 1000, value))]);
    for (let i = 0; i < 20; i++) {
      await ca.set(`/d/b${i % 10}/l${100 + i}`, Buffer.from(`name=changed-${i}\n`), 0); // text: 20
      planted.set(`/b${i % 10}/l${100 + i}`, "changed");
    }
    for (let i = 0; i < 10; i++) {
      await cb.set(`/t/d/b${i}/l${7 * (30 + i)}`, randomBytes(12), 0); // binary: 10
      planted.set(`/b${i}/l${7 * (30 + i)}`, "changed");
      await ca.create(`/d/b${i}/only-left-${i}`, Buffer.from("new"), 0); // 10
      planted.set(`/b${i}/only-left-${i}`, "added");
    }
    for (let i = 0; i < 5; i++) {
      await cb.create(`/t/d/b${i}/only-right-${i}`, Buffer.alloc(0), 0); // 5
      planted.set(`/b${i}/only-right-${i}`, "removed");
      await cb.setAcl(`/t/d/b${i}/l${500 + i}`, -1, [{ scheme: "world", auth: "anyone", perms: 1 }]); // 5 ACLs
      planted.set(`/b${i}/l${500 + i}`, "changed");
    }
    admin = (await makeUser("admin")).id;
  }, 300_000);
  afterAll(async () => {
    for (const id of [left, right, "diff-raw-a", "diff-raw-b"]) closeSession(id);
    await Promise.all([a.stopAll(), b.stopAll()]);
  });

  it("lists exactly the 50 planted differences, with text patches, binary hashes and ACLs", async () => {
    const { rows } = await diff({ left: `${left}:/d`, right: `${right}:/t/d`, acl: "true" });
    expect(differences(rows)).toEqual(planted);
    expect(rows.at(-1)).toEqual({ type: "done", compared: 10_026, added: 10, removed: 5, changed: 35, unchanged: 10_026 - 50, truncated: false });
    const textRow = rows.find((r) => r.path === "/b3/l103")!;
    expect(textRow.data.patch).toContain("-name=b3-l103");
    expect(textRow.data.patch).toContain("+name=changed-3");
    const binaryRow = rows.find((r) => r.path === "/b2/l224")!;
    expect(binaryRow.data).toEqual({ binary: true });
    expect(binaryRow.left.sha256).not.toBe(binaryRow.right.sha256);
    expect(rows.find((r) => r.path === "/b1/l501")).toMatchObject({ acl: true, right: { acl: ["world:anyone:--r--"] } });
    expect(rows.find((r) => r.path === "/b1/only-left-1")).toMatchObject({ left: { version: 0, size: 3 } });
  });

  it("leaves ACLs out unless asked, and compares a subtree with itself as equal", async () => {
    const { rows } = await diff({ left: `${left}:/d`, right: `${right}:/t/d` });
    expect(rows.at(-1)).toMatchObject({ added: 10, removed: 5, changed: 30 });
    expect((await diff({ left: `${left}:/d/b9`, right: `${left}:/d/b9` })).rows.filter((r) => r.type !== "progress")).toEqual([{ type: "done", compared: 1002, added: 0, removed: 0, changed: 0, unchanged: 1002, truncated: false }]);
    expect((await diff({ left: `${left}:/d`, right: `${right}:/t/d`, maxNodes: "100" })).rows.at(-1)).toMatchObject({ compared: 100, truncated: true });
  });

  it("needs read on both sides and names a malformed side", async () => {
    const reader = (await makeUser("none", { name: "left-reader" })).id;
    await grant({ userId: reader }, "viewer", { clusterId: left });
    expect((await diff({ left: `${left}:/d`, right: `${right}:/t/d` }, reader)).status).toBe(404);
    await grant({ userId: reader }, "viewer", { clusterId: right, pathPrefix: "/elsewhere" });
    expect((await diff({ left: `${left}:/d`, right: `${right}:/t/d` }, reader)).status).toBe(403);
    const bad = await diff({ left: "no-colon", right: `${right}:/t/d` });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/left must be \{clusterId\}:\{path\}/);
    expect((await diff({ left: `${left}:/nope`, right: `${right}:/t/d` })).status).toBe(404);
  });
});
