// Authorization holds for every node an operation touches, not only the one the request names:
// ACLs set by any route need the ACL permission and pass the ACL editor's rules and lockout guard,
// an import is checked whole before its first write, a sequential create and the parents a create
// makes are authorized where they land, no bulk operation writes /zookeeper, and a restore is no
// oracle. Against a real ZooKeeper, checked with a raw client.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as restoreRoute from "@/app/api/v1/audit/[id]/restore/route";
import * as auditEntryRoute from "@/app/api/v1/audit/[id]/route";
import { performMutation } from "@/lib/access/mutations";
import { requestCtx } from "@/lib/access/request-ctx";
import type { GrantRef } from "@/lib/core/actor";
import type { RequestCtx } from "@/lib/core/context";
import { applyRecursiveAcl, digestId, setAcl } from "@/lib/acl";
import { auditEntryOfRequest } from "@/lib/audit/query";
import { createCluster } from "@/lib/clusters/registry";
import { recordEvent } from "@/lib/access/audit/record";
import { auditValue } from "@/lib/access/audit/values";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import type { ZkClient } from "@/lib/core/zk/client";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { copySubtree, createNode, importSubtree, setData } from "@/lib/znodes";
import { callRoute, grant, makeUser } from "../support/auth";

const SUPER_PW = `super-${randomUUID()}`;
const ALICE = digestId("alice", "alice-pw");

/** A request context for an actor holding exactly these grants on top of a global role. */
const actorWith = (grants: GrantRef[], role = "none"): RequestCtx => {
  const name = `u-${randomUUID().slice(0, 8)}`;
  return requestCtx({ actor: { id: name, username: name, name, role, provider: "credentials", grants }, sourceIp: "127.0.0.1" });
};

type FileNode = { path: string; data?: string; acl?: { scheme: string; id: string; perms: number }[] };
const exportFile = (nodes: FileNode[]) => ({
  format: "zk-console-export", formatVersion: 1, root: "/src", exportedAt: "2026-01-01T00:00:00Z", count: nodes.length,
  nodes: nodes.map((n) => ({ path: n.path, data: n.data ?? "", encoding: "utf8", ...(n.acl ? { acl: n.acl } : {}) })),
});

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; status?: number; message?: string }) => e);

describe("authorization of every node an operation touches", () => {
  let zk: LocalEnsemble;
  let raw: ZkClient;
  let clusterId: string;
  let hiddenClusterId: string;
  const exists = async (p: string) => (await raw.exists(p)) !== null;
  const aclOf = async (p: string) => (await raw.getAcl(p)).acl.map((e) => `${e.scheme}:${e.auth}:${e.perms}`);
  const editorAt = (prefix: string) => actorWith([{ role: "editor", clusterId, pathPrefix: prefix }]);
  const adminAt = (prefix: string) => actorWith([{ role: "admin", clusterId, pathPrefix: prefix }]);

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1, jvmFlags: [`-Dzookeeper.DigestAuthenticationProvider.superDigest=${digestId("super", SUPER_PW)}`] });
    raw = await getClient({ id: "every-node-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000, auth: [{ scheme: "digest", credential: `super:${SUPER_PW}` }] });
    for (const p of ["/app", "/app/config", "/app/config/a", "/team", "/team/src", "/team/src/leaf", "/locked"]) await raw.create(p, Buffer.from(p), 0);
    await raw.setAcl("/team/src/leaf", 0, [{ scheme: "digest", auth: ALICE, perms: 31 }, { scheme: "world", auth: "anyone", perms: 1 }]);
    clusterId = (await createCluster({ name: `every-node-${Date.now()}`, connectionString: zk.connectionString })).id;
    hiddenClusterId = (await createCluster({ name: `every-node-hidden-${Date.now()}`, connectionString: zk.connectionString })).id;
  });
  afterAll(async () => {
    for (const id of [clusterId, hiddenClusterId, "every-node-raw"]) closeSession(id);
    await zk.stopAll();
  });

  describe("ACLs through any route", () => {
    it("an editor's import with ACL entries is refused before anything is created", async () => {
      const file = exportFile([{ path: "", acl: [{ scheme: "world", id: "anyone", perms: 31 }] }, { path: "kid" }]);
      const e = await refusal(importSubtree({ ctx: editorAt("/app"), clusterId, query: { path: "/app/imported-acl", dryRun: "false", acl: "true" }, body: file }));
      expect(e).toMatchObject({ code: "FORBIDDEN", status: 403 });
      expect(await exists("/app/imported-acl")).toBe(false);
      // The dry run says the same: a plan that passes is one that applies.
      expect(await refusal(importSubtree({ ctx: editorAt("/app"), clusterId, query: { path: "/app/imported-acl", acl: "true" }, body: file }))).toMatchObject({ code: "FORBIDDEN" });
    });

    it("an admin's import with an invalid ACL entry is refused whole: no partial import", async () => {
      const file = exportFile([{ path: "" }, { path: "ok" }, { path: "ok/bad", acl: [{ scheme: "digest", id: "alice:not-a-digest", perms: 31 }] }]);
      const e = await refusal(importSubtree({ ctx: adminAt("/app"), clusterId, query: { path: "/app/imported-bad", dryRun: "false", acl: "true" }, body: file }));
      expect(e).toMatchObject({ code: "INVALID_ACL", status: 400 });
      expect(e?.message).toMatch(/\/app\/imported-bad\/ok\/bad.*digest id must be/);
      expect(await exists("/app/imported-bad")).toBe(false);
    });

    it("an admin's import whose ACL would lock the console out is refused by the lockout guard, nothing created", async () => {
      const file = exportFile([{ path: "" }, { path: "sealed", acl: [{ scheme: "digest", id: ALICE, perms: 31 }] }]);
      const e = await refusal(importSubtree({ ctx: adminAt("/app"), clusterId, query: { path: "/app/imported-lock", dryRun: "false", acl: "true" }, body: file }));
      expect(e).toMatchObject({ code: "LOCKOUT", status: 409 });
      expect(await exists("/app/imported-lock")).toBe(false);
    });

    it("an admin's import with valid ACLs sets them", async () => {
      const file = exportFile([{ path: "", acl: [{ scheme: "world", id: "anyone", perms: 31 }] }, { path: "ro", acl: [{ scheme: "world", id: "anyone", perms: 31 - 2 }] }]);
      await importSubtree({ ctx: adminAt("/app"), clusterId, query: { path: "/app/imported-ok", dryRun: "false", acl: "true" }, body: file });
      expect(await aclOf("/app/imported-ok/ro")).toEqual(["world:anyone:29"]);
    });

    it("an editor's copy with ACLs is refused before anything is created", async () => {
      const e = await refusal(copySubtree({ ctx: editorAt("/team"), clusterId, input: { source: "/team/src", target: "/team/copy-acl", withAcl: true } }));
      expect(e).toMatchObject({ code: "FORBIDDEN", status: 403 });
      expect(await exists("/team/copy-acl")).toBe(false);
    });

    it("an admin's copy of an ACL the console cannot reproduce is refused, nothing created", async () => {
      // /team/src/leaf grants ADMIN only to digest alice: ZooKeeper shows the console's session
      // (no ADMIN there) the entry masked as alice:x, which copied would be a different ACL.
      const e = await refusal(copySubtree({ ctx: adminAt("/team"), clusterId, input: { source: "/team/src", target: "/team/copy-lock", withAcl: true } }));
      expect(e).toMatchObject({ code: "INVALID_ACL" });
      expect(e?.message).toMatch(/\/team\/copy-lock\/leaf.*masked/);
      expect(await exists("/team/copy-lock")).toBe(false);
    });

    it("the ACL editor's own rules still refuse a lockout unless overridden with a reason", async () => {
      const e = await refusal(setAcl({ ctx: adminAt("/locked"), clusterId, path: "/locked", input: { acl: [{ scheme: "digest", id: ALICE, perms: "cdrwa" }], aversion: 0 } }));
      expect(e).toMatchObject({ code: "LOCKOUT", details: { lost: expect.arrayContaining(["admin", "read"]) } });
      expect(await aclOf("/locked")).toEqual(["world:anyone:31"]);
    });
  });

  describe("names and parents the server chooses", () => {
    it("a sequential create at the grant's own prefix path is refused: its sibling would be outside the grant", async () => {
      const before = (await raw.children("/app")).children.length;
      const e = await refusal(createNode({ ctx: editorAt("/app/config"), clusterId, path: "/app/config", input: { nodeType: "persistent_sequential" } }));
      expect(e).toMatchObject({ code: "FORBIDDEN", status: 403 });
      expect((await raw.children("/app")).children.length).toBe(before);
    });

    it("a sequential create under the granted path works and lands inside it", async () => {
      const r = await createNode({ ctx: editorAt("/app/config"), clusterId, path: "/app/config/job-", input: { nodeType: "persistent_sequential" } });
      expect(r.path).toMatch(/^\/app\/config\/job-\d{10}$/);
    });

    it("create with parents refuses to create an ancestor outside the grant, and creates nothing", async () => {
      // Grant on /outside/granted: /outside does not exist, creating it is outside the grant.
      const e = await refusal(createNode({ ctx: editorAt("/outside/granted"), clusterId, path: "/outside/granted/leaf", input: { createParents: true } }));
      expect(e).toMatchObject({ code: "FORBIDDEN" });
      expect(e?.message).toMatch(/\/outside\b/);
      expect(await exists("/outside")).toBe(false);
    });

    it("create with parents creates the missing ancestors inside the grant", async () => {
      const r = await createNode({ ctx: editorAt("/app"), clusterId, path: "/app/deep/er/leaf", input: { createParents: true } });
      expect(r.parentsCreated).toEqual(["/app/deep", "/app/deep/er"]);
    });
  });

  describe("/zookeeper in bulk operations", () => {
    it("an import at / never writes under /zookeeper: those nodes are reported as protected", async () => {
      const quotaBefore = await raw.get("/zookeeper/quota");
      const file = exportFile([{ path: "" }, { path: "zookeeper" }, { path: "zookeeper/quota", data: "overwritten" }, { path: "zookeeper/evil", data: "x" }, { path: "imported-at-root", data: "ok" }]);
      const admin = actorWith([], "admin");
      const dry = await importSubtree({ ctx: admin, clusterId, query: { path: "/", onExisting: "overwrite" }, body: file });
      expect(dry).toMatchObject({ dryRun: true, counts: { protected: 3 } });
      const r = await importSubtree({ ctx: admin, clusterId, query: { path: "/", dryRun: "false", onExisting: "overwrite" }, body: file });
      expect(r).toMatchObject({ dryRun: false, protected: expect.arrayContaining([expect.objectContaining({ path: "/zookeeper/quota" })]) });
      const quotaAfter = await raw.get("/zookeeper/quota");
      expect({ data: quotaAfter.data.toString(), version: quotaAfter.stat.version }).toEqual({ data: quotaBefore.data.toString(), version: quotaBefore.stat.version });
      expect(await exists("/zookeeper/evil")).toBe(false);
      expect((await raw.get("/imported-at-root")).data.toString()).toBe("ok");
    });

    it("a recursive ACL at / leaves /zookeeper's ACLs alone and says so", async () => {
      const before = await Promise.all(["/zookeeper", "/zookeeper/quota"].map(async (p) => (await raw.getAcl(p)).stat.aversion));
      const r = await applyRecursiveAcl({ ctx: actorWith([], "admin"), clusterId, path: "/", input: { acl: [{ scheme: "world", id: "anyone", perms: "cdrwa" }, { scheme: "ip", id: "10.1.2.3", perms: "r" }] } });
      expect(r).toMatchObject({ skipped: expect.arrayContaining([expect.objectContaining({ path: "/zookeeper" })]) });
      expect(await Promise.all(["/zookeeper", "/zookeeper/quota"].map(async (p) => (await raw.getAcl(p)).stat.aversion))).toEqual(before);
      expect(await aclOf("/app")).toContain("ip:10.1.2.3:1");
      await applyRecursiveAcl({ ctx: actorWith([], "admin"), clusterId, path: "/", input: { acl: [{ scheme: "world", id: "anyone", perms: "cdrwa" }] } });
    });

    it("a copy or move into /zookeeper is refused", async () => {
      expect(await refusal(copySubtree({ ctx: actorWith([], "admin"), clusterId, input: { source: "/app/config", target: "/zookeeper/config-copy" } }))).toMatchObject({ code: "FORBIDDEN_PATH" });
      expect(await exists("/zookeeper/config-copy")).toBe(false);
    });
  });

  describe("the pipeline's client", () => {
    it("refuses a write to a node the mutation did not authorize: forgetting to touch it fails, it does not write", async () => {
      const ctx = actorWith([], "admin");
      const e = await refusal(performMutation({
        ctx, clusterId, operation: "create", path: "/app/declared", nodes: [{ path: "/app/declared", action: "create" }],
        run: async (client) => {
          await client.create("/app/declared", Buffer.from(""), 0);
          return client.create("/app/undeclared", Buffer.from(""), 0);
        },
      }));
      expect(e?.message).toMatch(/did not authorize/);
      expect([await exists("/app/declared"), await exists("/app/undeclared")]).toEqual([true, false]);
      const acl = await refusal(performMutation({
        ctx, clusterId, operation: "set_acl", path: "/app/declared", nodes: [{ path: "/app/declared", action: "set_acl", acl: [{ scheme: "world", id: "anyone", perms: 31 }] }],
        run: (client) => client.setAcl("/app/declared", 0, [{ scheme: "world", auth: "anyone", perms: 1 }]),
      }));
      expect(acl?.message).toMatch(/did not authorize/);
      expect(await aclOf("/app/declared")).toEqual(["world:anyone:31"]);
    });
  });

  describe("restore is no oracle", () => {
    let setRecord: number;
    let hiddenRecord: number;
    let grantRecord: number;

    beforeAll(async () => {
      await raw.create("/app/restorable", Buffer.from("v0"), 0);
      const admin = actorWith([], "admin");
      await setData({ ctx: admin, clusterId, path: "/app/restorable", input: { data: "v1", version: 0 } });
      setRecord = (await auditEntryOfRequest(admin.requestId)).id;
      const other = actorWith([], "admin");
      await raw.create("/hidden-node", Buffer.from("h0"), 0);
      await setData({ ctx: other, clusterId: hiddenClusterId, path: "/hidden-node", input: { data: "h1", version: 0 } });
      hiddenRecord = (await auditEntryOfRequest(other.requestId)).id;
      // A record that is not a znode's data: a grant change (on the visible cluster, at a path).
      grantRecord = await recordEvent({ requestId: randomUUID(), actor: { id: null, name: "admin" }, operation: "grant_create", cluster: { id: clusterId, name: "x" }, path: "/app/restorable", outcome: "ok", after: auditValue(Buffer.from("v-from-a-grant")) });
    });

    it("answers unknown, hidden-cluster, outside-the-grant and non-data records alike, naming no cluster", async () => {
      const user = await makeUser("none");
      await grant({ userId: user.id }, "editor", { clusterId, pathPrefix: "/team" });
      const ask = (id: string) => callRoute(restoreRoute.POST, "POST", `/api/v1/audit/${id}/restore`, { id }, { userId: user.id, body: { version: 1, side: "before" } });
      const answers = await Promise.all([String(setRecord), String(hiddenRecord), String(grantRecord), "987654321", "abc"].map(ask));
      const shape = (a: (typeof answers)[number], id: string) => ({ status: a.status, code: a.json.error?.code, message: a.json.error?.message?.replace(JSON.stringify(id), "<id>") });
      const ids = [String(setRecord), String(hiddenRecord), String(grantRecord), "987654321", "abc"];
      const shapes = answers.map((a, i) => shape(a, ids[i]));
      expect(new Set(shapes.map((s) => JSON.stringify(s))).size, JSON.stringify(shapes)).toBe(1);
      expect(shapes[0]).toMatchObject({ status: 404, code: "NOT_FOUND" });
      for (const a of answers) expect(JSON.stringify(a.json)).not.toContain(hiddenClusterId);
      expect((await raw.get("/app/restorable")).data.toString()).toBe("v1");
    });

    it("never writes a non-data record as znode data, even for an admin", async () => {
      const admin = await makeUser("admin");
      const r = await callRoute(restoreRoute.POST, "POST", `/api/v1/audit/${grantRecord}/restore`, { id: String(grantRecord) }, { userId: admin.id, body: { version: 1, side: "after" } });
      expect(r.status).toBe(404);
      expect((await raw.get("/app/restorable")).data.toString()).toBe("v1");
    });

    it("restores a znode data record for someone who may change the node", async () => {
      const user = await makeUser("none");
      await grant({ userId: user.id }, "editor", { clusterId, pathPrefix: "/app" });
      const r = await callRoute(restoreRoute.POST, "POST", `/api/v1/audit/${setRecord}/restore`, { id: String(setRecord) }, { userId: user.id, body: { version: 1, side: "before" } });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect((await raw.get("/app/restorable")).data.toString()).toBe("v0");
    });

    it("a non-numeric audit record id is a 400 that says ids are numbers", async () => {
      const admin = await makeUser("admin");
      const r = await callRoute(auditEntryRoute.GET, "GET", "/api/v1/audit/NaN", { id: "NaN" }, { userId: admin.id });
      expect(r.status).toBe(400);
      expect(r.json.error.message).toMatch(/whole numbers/);
    });
  });
});
