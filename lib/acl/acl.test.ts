// ACL management against a real ZooKeeper with digest-protected subtrees and a super user.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_CREDENTIAL_KEY } from "@/test/support/credentials-test-key";
import { auditEntryOfRequest } from "../audit/query";
import { addCredential, listCredentials, removeCredential } from "../clusters/credentials";
import { createCluster } from "../clusters/registry";
import { db } from "@/lib/core/db/client";
import { createMany } from "../demo/seed";
import { startEnsemble, type LocalEnsemble } from "../ensemble/launcher";
import { actorCtx } from "@/test/support/actors";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import type { ZkClient } from "@/lib/core/zk/client";
import { getNode, setData } from "../znodes";
import { listChildrenPage } from "../znodes/list-children";
import { applyRecursiveAcl, computeDigest, digestId, getAcl, previewRecursiveAcl, setAcl } from ".";

process.env.CONSOLE_SECRET_KEY ??= TEST_CREDENTIAL_KEY;
const ALICE_PW = "alice-pw-" + randomBytes(8).toString("hex");
const SUPER_PW = "super-pw-" + randomBytes(8).toString("hex");
const ALICE = digestId("alice", ALICE_PW);
const ALL = 31;

describe("ACLs on a real ZooKeeper", () => {
  let zk: LocalEnsemble;
  let owner: ZkClient;
  let clusterId: string;
  const admin = () => actorCtx("admin");
  const aclOf = async (path: string) => (await owner.getAcl(path)).acl.map((e) => `${e.scheme}:${e.auth}:${e.perms}`);

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1, jvmFlags: [`-Dzookeeper.DigestAuthenticationProvider.superDigest=${digestId("super", SUPER_PW)}`] });
    owner = await getClient({ id: "acl-owner", connectionString: zk.connectionString, sessionTimeoutMs: 15_000, auth: [{ scheme: "digest", credential: `alice:${ALICE_PW}` }] });
    const aliceOnly = [{ scheme: "digest", auth: ALICE, perms: ALL }];
    await owner.create("/secure", Buffer.from(""), 0);
    await owner.create("/secure/config", Buffer.from("db.password=hunter2"), 0);
    await owner.setAcl("/secure/config", 0, aliceOnly);
    await owner.setAcl("/secure", 0, aliceOnly);
    await owner.create("/adminonly", Buffer.from("x"), 0);
    await owner.setAcl("/adminonly", 0, [{ scheme: "world", auth: "anyone", perms: 16 }]);
    await owner.create("/readonly", Buffer.from("v1"), 0);
    await owner.setAcl("/readonly", 0, [{ scheme: "world", auth: "anyone", perms: 1 }]);
    for (const p of ["/open", "/guarded", "/bulk"]) await owner.create(p, Buffer.from(""), 0);
    clusterId = (await createCluster({ name: `acl-${Date.now()}`, connectionString: zk.connectionString })).id;
  });
  afterAll(async () => {
    closeSession(clusterId);
    closeSession("acl-owner");
    await zk.stopAll();
  });

  describe("without the cluster credential", () => {
    it("explains NO_AUTH on read: needed permission, the session's identities, the ACL hidden without READ/ADMIN", async () => {
      const err = await getNode({ ctx: admin(), clusterId, input: { path: "/secure/config" } }).catch((e) => e);
      expect(err).toMatchObject({ code: "NO_AUTH", status: 403, details: { needed: "read", path: "/secure/config", acl: null, identities: ["world:anyone", "ip:127.0.0.1"] } });
      expect(err.message).toMatch(/may not read \/secure\/config: its ACL is hidden/);
      expect(err.message).toMatch(/add a ZooKeeper credential/);
    });

    it("still lists the protected node's name in its parent", async () => {
      const page = await listChildrenPage({ ctx: admin(), clusterId, input: { path: "/" } });
      expect(page.children).toContain("secure");
    });

    it("shows the blocking ACL when the session may read it (ADMIN without READ)", async () => {
      const err = await getNode({ ctx: admin(), clusterId, input: { path: "/adminonly" } }).catch((e) => e);
      expect(err).toMatchObject({ code: "NO_AUTH", details: { needed: "read", acl: [{ scheme: "world", id: "anyone", perms: "----a" }] } });
      expect(err.message).toMatch(/grants read to no one/);
    });

    it("explains NO_AUTH on write with the permission needed", async () => {
      const err = await setData({ ctx: actorCtx("editor"), clusterId, path: "/readonly", input: { data: "v2", version: 0 } }).catch((e) => e);
      expect(err).toMatchObject({ code: "NO_AUTH", status: 403, details: { needed: "write", acl: [{ scheme: "world", id: "anyone", perms: "--r--" }] } });
      expect(err.message).toMatch(/grants write to no one/);
    });
  });

  describe("with the cluster credential", () => {
    it("reads the protected data once an admin adds digest alice (the session is replaced)", async () => {
      await addCredential({ ctx: admin(), clusterId, input: { scheme: "digest", credential: `alice:${ALICE_PW}` } });
      const node = await getNode({ ctx: actorCtx("viewer"), clusterId, input: { path: "/secure/config" } });
      expect(node.data.text).toBe("db.password=hunter2");
      const acl = await getAcl({ ctx: actorCtx("viewer"), clusterId, input: { path: "/secure" } });
      expect(acl).toMatchObject({ acl: [{ scheme: "digest", id: ALICE, perms: "cdrwa" }], aversion: 1, session: { perms: "cdrwa" } });
      expect(acl.session.identities).toContain("digest:alice (cluster credential)");
    });

    it("survives a console restart: a new process reads through the same database", async () => {
      closeSession(clusterId);
      const { stdout } = await promisify(execFile)("npx", ["tsx", "--conditions=react-server", "test/acl/read-node.ts", clusterId, "/secure/config"], { env: process.env, timeout: 60_000 });
      expect(JSON.parse(stdout.trim().split("\n").at(-1)!)).toEqual({ ok: true, text: "db.password=hunter2" });
    });
  });

  describe("editing an ACL", () => {
    it("saves with the expected aversion and audits before/after", async () => {
      const seen = await getAcl({ ctx: admin(), clusterId, input: { path: "/open" } });
      expect(seen.aversion).toBe(0);
      const ctx = admin();
      const saved = await setAcl({ ctx, clusterId, path: "/open", input: { acl: [{ scheme: "world", id: "anyone", perms: "r" }, { scheme: "digest", id: ALICE, perms: "cdrwa" }], aversion: 0, reason: "tighten" } });
      expect(saved).toMatchObject({ aversion: 1, lockoutOverridden: false });
      expect(await aclOf("/open")).toEqual(["world:anyone:1", `digest:${ALICE}:31`]);
      const audit = await auditEntryOfRequest(ctx.requestId);
      expect(audit).toMatchObject({ operation: "set_acl", outcome: "ok", reason: "tighten", before: { version: 0 }, after: { version: 1 }, details: { before: [{ scheme: "world", id: "anyone", perms: "cdrwa" }], after: [{ perms: "--r--" }, { scheme: "digest", perms: "cdrwa" }] } });
    });

    it("refuses a stale aversion with 409 and the current ACL, never overwriting", async () => {
      await owner.setAcl("/open", 1, [{ scheme: "world", auth: "anyone", perms: ALL }]); // someone else saves first
      const err = await setAcl({ ctx: admin(), clusterId, path: "/open", input: { acl: [{ scheme: "world", id: "anyone", perms: "cdrw" }, { scheme: "auth", id: "", perms: "a" }], aversion: 1 } }).catch((e) => e);
      expect(err).toMatchObject({ code: "BAD_VERSION", status: 409, details: { expectedAversion: 1, currentAversion: 2, current: { aversion: 2, acl: [{ scheme: "world", id: "anyone", perms: "cdrwa" }] } } });
      expect(await aclOf("/open")).toEqual(["world:anyone:31"]);
    });

    it("turns auth:: into the session's identities", async () => {
      await setAcl({ ctx: admin(), clusterId, path: "/open", input: { acl: [{ scheme: "auth", id: "", perms: "cdrwa" }], aversion: 2 } });
      expect(await aclOf("/open")).toEqual([`digest:${ALICE}:31`]);
    });

    it("names the rule for invalid ids and for ACLs ZooKeeper refuses", async () => {
      await expect(setAcl({ ctx: admin(), clusterId, path: "/open", input: { acl: [{ scheme: "digest", id: "alice:secret", perms: "r" }], aversion: 3 } })).rejects.toThrow(/28 base64 characters/);
      const err = await setAcl({ ctx: admin(), clusterId, path: "/open", input: { acl: [{ scheme: "x509", id: "CN=client", perms: "r" }, { scheme: "auth", id: "", perms: "cdrwa" }], aversion: 3 } }).catch((e) => e);
      expect(err).toMatchObject({ code: "INVALID_ACL", status: 400 });
    });

    it("computes digest ids that ZooKeeper accepts for add_auth", async () => {
      const pw = "carol-" + randomBytes(4).toString("hex");
      const { id } = computeDigest({ input: { user: "carol", password: pw } });
      await owner.create("/carol", Buffer.from(""), 0);
      await setAcl({ ctx: admin(), clusterId, path: "/carol", input: { acl: [{ scheme: "digest", id, perms: "cdrwa" }, { scheme: "auth", id: "", perms: "a" }], aversion: 0 } });
      const carol = await getClient({ id: "acl-carol", connectionString: zk.connectionString, sessionTimeoutMs: 15_000, auth: [{ scheme: "digest", credential: `carol:${pw}` }] });
      await expect(carol.set("/carol", Buffer.from("mine"), 0)).resolves.toMatchObject({ version: 1 });
      closeSession("acl-carol");
    });
  });

  describe("the lockout guard", () => {
    const bobOnly = [{ scheme: "digest", id: digestId("bob", "bobs-pw"), perms: "cdrwa" }];

    it("refuses an ACL that leaves the console without ADMIN, naming what would be lost", async () => {
      const err = await setAcl({ ctx: admin(), clusterId, path: "/guarded", input: { acl: bobOnly, aversion: 0 } }).catch((e) => e);
      expect(err).toMatchObject({ code: "LOCKOUT", status: 409, details: { lost: ["create", "delete", "read", "write", "admin"], identities: ["world:anyone", "ip:127.0.0.1", "digest:alice (cluster credential)"] } });
      expect(err.message).toMatch(/override and a reason/);
      expect(await aclOf("/guarded")).toEqual(["world:anyone:31"]);
    });

    it("keeps ADMIN through the credential's digest or a loopback ip entry", async () => {
      await setAcl({ ctx: admin(), clusterId, path: "/guarded", input: { acl: [{ scheme: "ip", id: "127.0.0.0/8", perms: "a" }, { scheme: "world", id: "anyone", perms: "cdrw" }], aversion: 0 } });
      await setAcl({ ctx: admin(), clusterId, path: "/guarded", input: { acl: [{ scheme: "digest", id: ALICE, perms: "a" }, { scheme: "world", id: "anyone", perms: "cdrw" }], aversion: 1 } });
    });

    it("needs an admin and a reason to override", async () => {
      const input = { acl: bobOnly, aversion: 2, override: true };
      await expect(setAcl({ ctx: admin(), clusterId, path: "/guarded", input })).rejects.toMatchObject({ code: "REASON_REQUIRED", status: 400 });
      await expect(setAcl({ ctx: actorCtx("editor"), clusterId, path: "/guarded", input: { ...input, reason: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
      const ctx = admin();
      await expect(setAcl({ ctx, clusterId, path: "/guarded", input: { ...input, reason: "hand over to bob" } })).resolves.toMatchObject({ lockoutOverridden: true });
      expect(await auditEntryOfRequest(ctx.requestId)).toMatchObject({ operation: "set_acl", outcome: "ok", reason: "hand over to bob", details: { override: true } });
      const err = await getNode({ ctx: admin(), clusterId, input: { path: "/guarded" } }).catch((e) => e);
      expect(err).toMatchObject({ code: "NO_AUTH", details: { acl: null } });
    });

    it("is recovered by the super identity added as a cluster credential", async () => {
      const ctx = admin();
      const cred = await addCredential({ ctx, clusterId, input: { scheme: "digest", credential: `super:${SUPER_PW}` } });
      const { aversion } = await getAcl({ ctx, clusterId, input: { path: "/guarded" } });
      await setAcl({ ctx: admin(), clusterId, path: "/guarded", input: { acl: [{ scheme: "world", id: "anyone", perms: "cdrwa" }], aversion, reason: "recover" } });
      await removeCredential({ ctx: admin(), clusterId, credentialId: cred.id });
      expect((await getNode({ ctx: admin(), clusterId, input: { path: "/guarded", include: "acl" } })).acl).toEqual([{ scheme: "world", id: "anyone", perms: "cdrwa" }]);
      // A plain read is one getData: the ACL only on request.
      expect(await getNode({ ctx: admin(), clusterId, input: { path: "/guarded" } })).not.toHaveProperty("acl");
      expect((await listCredentials({ ctx, clusterId })).map((c) => c.label)).toEqual(["digest alice"]);
    });
  });

  describe("recursive apply", () => {
    const target = [{ scheme: "world", id: "anyone", perms: "r" }, { scheme: "digest", id: ALICE, perms: "cdrwa" }];

    it("previews and applies one ACL to 1,000 nodes, each at the aversion seen", async () => {
      await createMany(owner, "/bulk", 999, (i) => `n${String(i).padStart(4, "0")}`);
      const preview = await previewRecursiveAcl({ ctx: admin(), clusterId, path: "/bulk", input: { acl: target } });
      expect(preview).toMatchObject({ count: 1000, differ: 1000, same: 0, blockedCount: 0 });
      const progress: { phase: string; done: number; total: number }[] = [];
      const ctx = admin();
      const result = await applyRecursiveAcl({ ctx, clusterId, path: "/bulk", input: { acl: target, reason: "bulk" }, onProgress: (p) => progress.push(p) });
      expect(result).toMatchObject({ count: 1000, changed: 1000, unchanged: 0, skipped: [] });
      expect(progress.at(-1)).toEqual({ phase: "setting", done: 1000, total: 1000 });
      const sample = await Promise.all(["/bulk", "/bulk/n0000", "/bulk/n0500", "/bulk/n0998"].map(aclOf));
      for (const acl of sample) expect(acl).toEqual(["world:anyone:1", `digest:${ALICE}:31`]);
      const all = await Promise.all(Array.from({ length: 999 }, (_, i) => owner.getAcl(`/bulk/n${String(i).padStart(4, "0")}`)));
      expect(all.every((r) => r.acl.length === 2 && r.stat.aversion === 1)).toBe(true);
      expect(await auditEntryOfRequest(ctx.requestId)).toMatchObject({ operation: "set_acl_recursive", outcome: "ok", details: { count: 1000, changed: 1000, before: [{ acl: [{ scheme: "world", id: "anyone", perms: "cdrwa" }], nodes: 1000 }] } });
    });

    it("previews only the nodes that differ; the lockout guard covers recursive applies", async () => {
      for (const n of ["n0001", "n0002", "n0003"]) await owner.setAcl(`/bulk/${n}`, 1, [{ scheme: "world", auth: "anyone", perms: ALL }]);
      const preview = await previewRecursiveAcl({ ctx: admin(), clusterId, path: "/bulk", input: { acl: target } });
      expect(preview).toMatchObject({ count: 1000, differ: 3, same: 997, samples: ["/bulk/n0001", "/bulk/n0002", "/bulk/n0003"] });
      await expect(applyRecursiveAcl({ ctx: admin(), clusterId, path: "/bulk", input: { acl: [{ scheme: "world", id: "anyone", perms: "r" }] } })).rejects.toMatchObject({ code: "LOCKOUT" });
    });
  });

  it("keeps an audit record for every ACL and credential change, and no password anywhere in the trail", async () => {
    const rows = await db().auditRecord.findMany({ where: { clusterId, operation: { in: ["set_acl", "set_acl_recursive", "credentials_changed"] } } });
    // Done changes: an intent with an ok outcome, or an ok event (credentials live in the database).
    const done = (op: string) => rows.filter((r) => r.operation === op && r.outcome === "ok" && r.kind !== "intent").length;
    expect(done("set_acl")).toBe(7);
    expect(done("set_acl_recursive")).toBe(1);
    expect(done("credentials_changed")).toBe(3);
    const setAclOutcomes = rows.filter((r) => r.operation === "set_acl" && r.kind === "outcome" && r.outcome === "ok");
    expect(setAclOutcomes.every((r) => { const d = JSON.parse(r.details ?? "{}"); return Array.isArray(d.before) && Array.isArray(d.after); })).toBe(true);
    const trail = JSON.stringify(await db().auditRecord.findMany());
    for (const secret of [ALICE_PW, SUPER_PW]) expect(trail).not.toContain(secret);
  });
});
