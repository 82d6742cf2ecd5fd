// Every route that writes znodes, under a protected prefix: the write becomes a change request
// (202), ZooKeeper is unchanged (whole-tree fingerprint), and once another editor approves it, the
// planned ops do what the route would have done. One ZooKeeper for the file; table-driven.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NextRequest } from "next/server";
import * as znodeRoute from "@/app/api/v1/clusters/[id]/znode/route";
import * as aclRoute from "@/app/api/v1/clusters/[id]/acl/route";
import * as aclRecursiveRoute from "@/app/api/v1/clusters/[id]/acl/recursive/route";
import * as importRoute from "@/app/api/v1/clusters/[id]/import/route";
import * as copyRoute from "@/app/api/v1/clusters/[id]/copy/route";
import * as restoreRoute from "@/app/api/v1/audit/[id]/restore/route";
import * as multiRoute from "@/app/api/v1/clusters/[id]/multi/route";
import * as promoteRoute from "@/app/api/v1/promote/route";
import * as forceReleaseRoute from "@/app/api/v1/clusters/[id]/recipes/force-release/route";
import * as approveRoute from "@/app/api/v1/change-requests/[id]/approve/route";
import { createCluster } from "@/lib/clusters/registry";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import type { ZkClient } from "@/lib/core/zk/client";
import { db } from "@/lib/core/db/client";
import { auditEntryOfRequest } from "@/lib/audit/query";
import { changeNotificationsSettled } from "@/lib/access/changes/notify";
import { snapshotTree, treeDiff } from "@/test/proving/tree-snapshot";
import { callRoute, makeUser } from "@/test/support/auth";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Case = { route: Handler; method: string; url: (n: string) => string; body?: (n: string) => unknown; prepare?: (n: string) => Promise<void>; applied: (n: string) => Promise<boolean>; admin?: boolean };

describe("each znode-writing route under protection", () => {
  let zk: LocalEnsemble;
  let raw: ZkClient;
  let clusterId: string;
  let author: string;
  let admin: string;
  let reviewer: string;
  let restoreRecord = 0;

  const P = "/prot";
  const c = (rest: string) => `/api/v1/clusters/${clusterId}${rest}`;
  const q = (path: string, extra: Record<string, string> = {}) => `?${new URLSearchParams({ path, ...extra })}`;
  const exists = async (p: string) => (await raw.exists(p)) !== null;
  const dataOf = async (p: string) => (await raw.get(p)).data.toString();
  const mk = async (p: string, d = "") => void (await raw.create(p, Buffer.from(d), 0));
  const acl = [{ scheme: "world", id: "anyone", perms: "cdrwa" }];
  const readOnlyAcl = [{ scheme: "world", id: "anyone", perms: "cdra" }];

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    raw = await getClient({ id: "intercept-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000 });
    await mk(P);
    await mk("/src");
    await mk("/src/a", "A");
    clusterId = (await createCluster({ name: `intercept-${Date.now()}`, connectionString: zk.connectionString })).id;
    author = (await makeUser("editor", { name: "author" })).id;
    admin = (await makeUser("admin", { name: "author-admin" })).id;
    reviewer = (await makeUser("admin", { name: "reviewer" })).id;
    // A value to restore, written before the prefix was protected.
    await mk(`${P}/restore`, "old");
    const set = await callRoute(znodeRoute.PUT, "PUT", c(`/znode${q(`${P}/restore`)}`), { id: clusterId }, { userId: author, body: { data: "new", version: 0 } });
    restoreRecord = (await auditEntryOfRequest(set.headers.get("x-request-id")!)).id;
    await db().protection.create({ data: { clusterId, pathPrefix: P, approvals: 1 } });
  });
  afterAll(async () => {
    await changeNotificationsSettled();
    closeSession("intercept-raw");
    closeSession(clusterId);
    await zk.stopAll();
  });

  const exportFile = { format: "zk-console-export", formatVersion: 1, root: "/x", exportedAt: "2026-01-01T00:00:00Z", count: 2, nodes: [{ path: "", data: "r", encoding: "utf8" }, { path: "kid", data: "k", encoding: "utf8" }] };

  const cases: Record<string, Case> = {
    set: { route: znodeRoute.PUT, method: "PUT", prepare: (n) => mk(`${P}/${n}`, "v0"), url: (n) => c(`/znode${q(`${P}/${n}`)}`), body: () => ({ data: "v1", version: 0 }), applied: async (n) => (await dataOf(`${P}/${n}`)) === "v1" },
    create: { route: znodeRoute.POST, method: "POST", url: (n) => c(`/znode${q(`${P}/${n}/deep`)}`), body: () => ({ data: "c", createParents: true }), applied: async (n) => (await dataOf(`${P}/${n}/deep`)) === "c" },
    "create sequential": { route: znodeRoute.POST, method: "POST", prepare: (n) => mk(`${P}/${n}`), url: (n) => c(`/znode${q(`${P}/${n}/item-`)}`), body: () => ({ data: "s", nodeType: "persistent_sequential" }), applied: async (n) => (await raw.children(`${P}/${n}`)).children.length === 1 },
    delete: { route: znodeRoute.DELETE, method: "DELETE", prepare: (n) => mk(`${P}/${n}`), url: (n) => c(`/znode${q(`${P}/${n}`, { version: "0" })}`), applied: async (n) => !(await exists(`${P}/${n}`)) },
    "recursive delete": {
      route: znodeRoute.DELETE, method: "DELETE", prepare: async (n) => { await mk(`${P}/${n}`); await mk(`${P}/${n}/k1`); await mk(`${P}/${n}/k1/g`); },
      url: (n) => c(`/znode${q(`${P}/${n}`, { recursive: "true", confirm: `${P}/${n}` })}`), applied: async (n) => !(await exists(`${P}/${n}`)),
    },
    "recursive delete of an ancestor of the protected prefix": {
      route: znodeRoute.DELETE, method: "DELETE", prepare: async (n) => { await mk(`/${n}`); await mk(`/${n}/inner`); await db().protection.create({ data: { clusterId, pathPrefix: `/${n}/inner`, approvals: 1 } }); },
      url: (n) => c(`/znode${q(`/${n}`, { recursive: "true", confirm: `/${n}` })}`), applied: async (n) => !(await exists(`/${n}`)),
    },
    ACL: { admin: true, route: aclRoute.PUT, method: "PUT", prepare: (n) => mk(`${P}/${n}`), url: (n) => c(`/acl${q(`${P}/${n}`)}`), body: () => ({ acl: readOnlyAcl, aversion: 0 }), applied: async (n) => (await raw.getAcl(`${P}/${n}`)).stat.aversion === 1 },
    "recursive ACL": {
      admin: true, route: aclRecursiveRoute.POST, method: "POST", prepare: async (n) => { await mk(`${P}/${n}`); await mk(`${P}/${n}/k`); },
      url: (n) => c(`/acl/recursive${q(`${P}/${n}`)}`), body: () => ({ acl: readOnlyAcl }), applied: async (n) => (await raw.getAcl(`${P}/${n}/k`)).stat.aversion === 1,
    },
    import: { route: importRoute.POST, method: "POST", url: (n) => c(`/import${q(`${P}/${n}`, { dryRun: "false" })}`), body: () => exportFile, applied: async (n) => (await dataOf(`${P}/${n}/kid`)) === "k" },
    copy: { route: copyRoute.POST, method: "POST", url: () => c("/copy"), body: (n) => ({ source: "/src", target: `${P}/${n}` }), applied: async (n) => (await dataOf(`${P}/${n}/a`)) === "A" },
    "copy with ACL": { admin: true, route: copyRoute.POST, method: "POST", url: () => c("/copy"), body: (n) => ({ source: "/src", target: `${P}/${n}`, withAcl: true }), applied: async (n) => (await dataOf(`${P}/${n}/a`)) === "A" },
    move: {
      route: copyRoute.POST, method: "POST", prepare: async (n) => { await mk(`${P}/${n}`, "m"); await mk(`${P}/${n}/k`, "mk"); },
      url: () => c("/copy"), body: (n) => ({ source: `${P}/${n}`, target: `/moved-${n}`, move: true }), applied: async (n) => !(await exists(`${P}/${n}`)) && (await dataOf(`/moved-${n}/k`)) === "mk",
    },
    restore: { route: restoreRoute.POST, method: "POST", url: () => `/api/v1/audit/${restoreRecord}/restore`, body: () => ({ version: 1, side: "before" }), applied: async () => (await dataOf(`${P}/restore`)) === "old" },
    "force release": {
      admin: true, route: forceReleaseRoute.POST, method: "POST", prepare: (n) => mk(`${P}/${n}`), url: () => c("/recipes/force-release"),
      body: (n) => ({ path: `${P}/${n}/lock-0000000001`, version: 0, reason: "stuck" }), applied: async (n) => !(await exists(`${P}/${n}/lock-0000000001`)),
    },
    // A create then a set of the same node: the set is planned on the create's outcome, not read.
    multi: {
      route: multiRoute.POST, method: "POST", prepare: (n) => mk(`${P}/${n}`, "m0"), url: () => c("/multi"),
      body: (n) => ({ ops: [{ op: "create", path: `${P}/${n}/a`, data: "a0" }, { op: "set", path: `${P}/${n}/a`, data: "a1", version: 0 }, { op: "check", path: "/src", version: 0 }, { op: "set", path: `${P}/${n}`, data: "m1", version: 0 }] }),
      applied: async (n) => (await dataOf(`${P}/${n}/a`)) === "a1" && (await dataOf(`${P}/${n}`)) === "m1",
    },
    promote: {
      route: promoteRoute.POST, method: "POST", prepare: (n) => mk(`${P}/${n}`), url: (n) => `/api/v1/promote?${new URLSearchParams({ left: `${clusterId}:/src`, right: `${clusterId}:${P}/${n}` })}`,
      body: () => ({ dryRun: false }), applied: async (n) => (await dataOf(`${P}/${n}/a`)) === "A",
    },
  };
  cases["force release"].prepare = async (n) => { await mk(`${P}/${n}`); await mk(`${P}/${n}/lock-0000000001`); };

  let i = 0;
  it.each(Object.entries(cases))("%s: held as a change request, nothing written; applied once approved", async (_name, t) => {
    const name = `case${++i}`;
    await t.prepare?.(name);
    const before = await snapshotTree(raw);
    const url = t.url(name);
    const params = url.startsWith("/api/v1/audit/") ? { id: String(restoreRecord) } : { id: clusterId };
    const r = await callRoute(t.route, t.method, url, params, { userId: t.admin ? admin : author, body: t.body?.(name) });
    expect(r.status, JSON.stringify(r.json)).toBe(202);
    expect(r.json.status).toBe("pending");
    expect(treeDiff(before, await snapshotTree(raw))).toEqual([]);
    const id = String(r.json.changeRequestId);
    const approved = await callRoute(approveRoute.POST, "POST", `/api/v1/change-requests/${id}/approve`, { id }, { userId: reviewer, body: {} });
    expect(approved.json.changeRequest?.status, JSON.stringify(approved.json)).toBe("applied");
    expect(await t.applied(name)).toBe(true);
  });

  it("a multi whose version is already stale is refused as a direct one would be, and nothing is submitted", async () => {
    await mk(`${P}/stale-multi`, "s0");
    await raw.set(`${P}/stale-multi`, Buffer.from("theirs"), 0);
    const pending = await db().changeRequest.count();
    const r = await callRoute(multiRoute.POST, "POST", c("/multi"), { id: clusterId }, { userId: author, body: { ops: [{ op: "set", path: `${P}/stale-multi`, data: "mine", version: 0 }] } });
    expect(r.status, JSON.stringify(r.json)).toBe(409);
    expect(r.json.error.code).toBe("BAD_VERSION");
    expect(await db().changeRequest.count()).toBe(pending);
    expect(await dataOf(`${P}/stale-multi`)).toBe("theirs");
  });
});
