// The bad-input corpus (bad-input-corpus.json) against the real route handlers, SQLite and a real
// ZooKeeper: every hostile case gets the 4xx it names with a message naming the broken rule, never
// a 5xx, and leaves ZooKeeper and the cluster registry exactly as they were; the expected-ok edge
// cases succeed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "../../lib/clusters/registry";
import { db } from "../../lib/core/db/client";
import { startEnsemble, type LocalEnsemble } from "../../lib/ensemble/launcher";
import { closeSession, getClient } from "../../lib/core/zk/sessions";
import type { ZkClient } from "../../lib/core/zk/client";
import { makeUser } from "../support/auth";
import { auditEntryOfRequest } from "../../lib/audit/query";
import corpus from "./bad-input-corpus.json";
import { expand, type Vars } from "./corpus-values";
import { send, type SendOptions } from "./send";
import { snapshotTree, treeDiff, type TreeSnapshot } from "./tree-snapshot";

type Case = {
  id: string; category: string; call: string; ok?: boolean;
  query?: unknown; json?: unknown; raw?: unknown; rawText?: string; rawBase64?: string;
  headers?: Record<string, string>; env?: Record<string, string>;
  expect?: { status: number; message?: string; code?: string };
  assertNotRead?: boolean; assertReadAtMost?: number;
};
const cases = corpus.cases as Case[];

async function registryFingerprint() {
  const [clusters, grants, users] = await Promise.all([db().cluster.findMany({ orderBy: { id: "asc" } }), db().grant.count(), db().user.findMany({ select: { id: true, role: true, disabled: true } })]);
  return JSON.stringify({ clusters: clusters.map((c) => ({ ...c, createdAt: undefined, updatedAt: undefined })), grants, users });
}

describe("bad-input corpus", () => {
  let zk: LocalEnsemble;
  let raw: ZkClient;
  const vars: Vars = {};
  let adminId: string;

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    raw = await getClient({ id: "corpus-raw", connectionString: zk.connectionString, sessionTimeoutMs: 30_000 });
    for (const p of ["/corpus", "/corpus/cfg", "/corpus/acl-node", "/corpus/tree", "/corpus/tree/leaf", "/corpus/jail", "/corpus/jail/inside", "/ok"]) await raw.create(p, Buffer.from("v0"), 0);
    vars.zkPort = zk.connectionString.split(":")[1];
    vars.main = (await createCluster({ name: `corpus-main-${Date.now()}`, connectionString: zk.connectionString })).id;
    vars.chroot = (await createCluster({ name: `corpus-jail-${Date.now()}`, connectionString: `${zk.connectionString}/corpus/jail` })).id;
    vars.small = (await createCluster({ name: `corpus-small-${Date.now()}`, connectionString: zk.connectionString, maxDataBytes: 1024 })).id;
    adminId = (await makeUser("admin")).id;
    vars.user = (await makeUser("viewer")).id;
    // An audited change to restore from (made before the snapshots).
    const set = await send("PUT", `/api/v1/clusters/${vars.main}/znode`, { userId: adminId, query: { path: "/ok" }, json: { data: "v1", version: 0 } });
    vars.record = String((await auditEntryOfRequest(set.headers.get("x-request-id")!)).id);
  });
  afterAll(async () => {
    for (const id of ["corpus-raw", vars.main, vars.chroot, vars.small]) if (id) closeSession(id);
    await zk?.stopAll();
  });

  async function run(c: Case) {
    const [method, url] = c.call.split(" ");
    const opts: SendOptions = { userId: adminId, headers: c.headers };
    const query = expand(c.query, vars);
    if (query !== undefined) opts.query = Array.isArray(query) ? (query as [string, string][]) : (query as Record<string, string>);
    let pulled: (() => number) | undefined;
    if (c.json !== undefined) opts.json = expand(c.json, vars);
    else if (c.rawText !== undefined) opts.raw = expand(c.rawText, vars) as string;
    else if (c.rawBase64 !== undefined) opts.raw = Buffer.from(c.rawBase64, "base64");
    else if (c.raw !== undefined) {
      const body = expand(c.raw, vars);
      if (body && typeof body === "object" && "stream" in body) {
        opts.raw = (body as { stream: ReadableStream<Uint8Array> }).stream;
        pulled = (body as unknown as { pulled: () => number }).pulled;
      } else opts.raw = body as string | Uint8Array;
    }
    const saved = Object.fromEntries(Object.keys(c.env ?? {}).map((k) => [k, process.env[k]]));
    Object.assign(process.env, c.env);
    try {
      const r = await send(method, expand(url, vars) as string, opts);
      return { ...r, pulled: pulled?.() };
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
  }

  it("holds at least 100 hostile cases across every category, and expected-ok edge cases", () => {
    const bad = cases.filter((c) => !c.ok);
    expect(bad.length).toBeGreaterThanOrEqual(100);
    expect(new Set(bad.map((c) => c.category))).toEqual(new Set(["znode path", "data", "acl entries", "connection string", "json body", "query string"]));
    expect(cases.filter((c) => c.ok).length).toBeGreaterThanOrEqual(10);
    for (const c of bad) expect(c.expect?.message, `${c.id} names no rule`).toBeDefined();
  });

  describe("hostile input is refused with a 4xx naming the rule, and changes nothing", () => {
    let tree: TreeSnapshot;
    let registry: string;
    beforeAll(async () => {
      tree = await snapshotTree(raw);
      registry = await registryFingerprint();
    });

    for (const c of cases.filter((x) => !x.ok)) {
      it(`${c.category}: ${c.id}`, async () => {
        const r = await run(c);
        const want = c.expect!;
        expect(r.status, `${c.id}: ${r.text.slice(0, 300)}`).toBe(want.status);
        expect(r.json.error?.message, r.text.slice(0, 300)).toMatch(new RegExp(want.message ?? "", "s"));
        if (want.code) expect(r.json.error.code).toBe(want.code);
        if (c.assertNotRead) expect(r.pulled ?? 0).toBe(0);
        if (c.assertReadAtMost !== undefined) expect(r.pulled).toBeLessThanOrEqual(c.assertReadAtMost);
        expect(treeDiff(tree, await snapshotTree(raw))).toEqual([]);
        expect(await registryFingerprint()).toBe(registry);
      });
    }
  });

  describe("valid edge cases succeed", () => {
    for (const c of cases.filter((x) => x.ok)) {
      it(`${c.category}: ${c.id}`, async () => {
        const r = await run(c);
        if (c.expect?.status) expect(r.status, r.text.slice(0, 300)).toBe(c.expect.status);
        else expect(Math.floor(r.status / 100), r.text.slice(0, 300)).toBe(2);
      });
    }
  });
});
