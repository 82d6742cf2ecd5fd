// Promote between two real ZooKeepers: a dry run writes nothing, an apply empties the diff, a node
// changed between plan and apply is a conflict and nothing of its batch is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "@/lib/clusters/registry";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import { db } from "@/lib/core/db/client";
import { GET as diffRoute } from "@/app/api/v1/diff/route";
import { POST } from "@/app/api/v1/promote/route";
import { callRoute, makeUser } from "@/test/support/auth";
import { ndjsonRows, plant, wideTree, type Row } from "@/test/support/corpus";
import type { ZkClient } from "@/lib/core/zk/client";

/** Every node under root as relative path → value and version. */
async function treeOf(client: ZkClient, root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const visit = async (path: string): Promise<void> => {
    const { data, stat } = await client.get(path);
    out.set(path.slice(root.length) || "/", `${data.toString("base64")}@${stat.version}`);
    const { children } = await client.children(path);
    await Promise.all(children.map((c) => visit(`${path}/${c}`)));
  };
  await visit(root);
  return out;
}

describe("promote", () => {
  let a: LocalEnsemble;
  let b: LocalEnsemble;
  let left: string;
  let right: string;
  let admin: string;
  let rb: ZkClient;
  const raw = (e: LocalEnsemble, id: string) => getClient({ id, connectionString: e.connectionString, sessionTimeoutMs: 10_000 });
  const sides = (l: string, r: string) => `left=${encodeURIComponent(`${left}:${l}`)}&right=${encodeURIComponent(`${right}:${r}`)}`;
  const promote = (l: string, r: string, body: Record<string, unknown>) => callRoute(POST, "POST", `/api/v1/promote?${sides(l, r)}`, {}, { userId: admin, body });
  const diff = async (l: string, r: string): Promise<Row[]> => {
    const res = await callRoute(diffRoute, "GET", `/api/v1/diff?${sides(l, r)}`, {}, { userId: admin });
    return (typeof res.json === "string" ? ndjsonRows(res.json) : [res.json as Row]).filter((x) => x.type !== "progress");
  };

  beforeAll(async () => {
    [a, b] = await Promise.all([startEnsemble({ size: 1 }), startEnsemble({ size: 1 })]);
    left = (await createCluster({ name: `promote-a-${Date.now()}`, connectionString: a.connectionString })).id;
    right = (await createCluster({ name: `promote-b-${Date.now()}`, connectionString: b.connectionString })).id;
    const ca = await raw(a, "promote-raw-a");
    rb = await raw(b, "promote-raw-b");
    const value = (br: number, l: number) => Buffer.from(`v=${br}.${l}`);
    await Promise.all([plant(ca, wideTree("/p", 4, 500, value)), plant(rb, wideTree("/p", 4, 500, value))]);
    for (let i = 0; i < 10; i++) await ca.set(`/p/b${i % 4}/l${i}`, Buffer.from([0, 1, i, 0xff]), 0);
    for (let i = 0; i < 5; i++) await ca.create(`/p/b1/new-${i}`, Buffer.from(`new ${i}`), 0);
    await ca.create("/p/b1/new-0/child", Buffer.from("deep"), 0);
    for (let i = 0; i < 3; i++) await rb.create(`/p/b2/extra-${i}`, Buffer.alloc(0), 0);
    admin = (await makeUser("admin")).id;
  }, 300_000);
  afterAll(async () => {
    for (const id of [left, right, "promote-raw-a", "promote-raw-b"]) closeSession(id);
    await Promise.all([a.stopAll(), b.stopAll()]);
  });

  it("plans creates, updates and deletes with versions, and a dry run writes nothing", async () => {
    const before = await treeOf(rb, "/p");
    const r = await promote("/p", "/p", { dryRun: true, deleteExtra: true });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ dryRun: true, creates: 6, updates: 10, deletes: 3, truncated: false });
    expect(r.json.ops.slice(0, 1)).toEqual([{ op: "set", path: "/p/b0/l0", version: 0, leftVersion: 1 }]);
    expect(r.json.ops.filter((o: { op: string }) => o.op === "delete").map((o: { path: string }) => o.path).sort()).toEqual(["/p/b2/extra-0", "/p/b2/extra-1", "/p/b2/extra-2"]);
    expect(await treeOf(rb, "/p")).toEqual(before);
  });

  it("reports a node changed between plan and apply as a conflict and writes nothing of its batch", async () => {
    const plan = (await promote("/p", "/p", { dryRun: true })).json.ops;
    await rb.set("/p/b3/l3", Buffer.from("someone else"), 0);
    const before = await treeOf(rb, "/p");
    const r = await promote("/p", "/p", { dryRun: false, plan });
    expect(r.json).toMatchObject({ dryRun: false, applied: 0, conflicts: [{ path: "/p/b3/l3", op: "set", code: "CHANGED_SINCE_PLAN" }] });
    expect(await treeOf(rb, "/p")).toEqual(before);
  });

  it("promotes one node, then everything: the diff is empty and one audit record lists every op", async () => {
    const one = await promote("/p", "/p", { dryRun: false, paths: ["/b1/new-3"] });
    expect(one.json).toMatchObject({ applied: 1, conflicts: [] });
    expect((await rb.get("/p/b1/new-3")).data.toString()).toBe("new 3");
    expect(await rb.exists("/p/b1/new-4")).toBeNull();
    const plan = (await promote("/p", "/p", { dryRun: true, deleteExtra: true })).json.ops;
    const all = await promote("/p", "/p", { dryRun: false, deleteExtra: true, plan, reason: "release 42" });
    expect(all.json).toMatchObject({ dryRun: false, applied: plan.length, conflicts: [] });
    expect(await diff("/p", "/p")).toEqual([{ type: "done", compared: 2011, added: 0, removed: 0, changed: 0, unchanged: 2011, truncated: false }]);
    const record = await db().auditRecord.findFirst({ where: { operation: "promote", reason: "release 42" }, orderBy: { id: "desc" } });
    expect(JSON.parse(record!.details ?? "{}")).toMatchObject({ opCount: plan.length, left: `${left}:/p` });
  });
});
