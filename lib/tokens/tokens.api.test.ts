// API tokens through the real route handlers, SQLite and a real ZooKeeper: the secret answered
// once and stored as a digest, Bearer without cookie or CSRF headers, the scope within the user's
// rights evaluated at every request, read-only, refusals (forged, expired, revoked, user
// disabled), the audit trail naming the token, last use without a write per request, the rate
// limit, service accounts. (Every route × token kind is in test/proving/authorization-matrix.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { createCluster } from "@/lib/clusters/registry";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import type { ZkClient } from "@/lib/core/zk/client";
import { db } from "@/lib/core/db/client";
import { auditEntryOfRequest } from "@/lib/audit/query";
import { flushTokenUse } from "@/lib/access/tokens/last-used";
import { grant, makeUser } from "@/test/support/auth";
import { send, type SendOptions } from "@/test/proving/send";

describe("API tokens", () => {
  let zk: LocalEnsemble;
  let raw: ZkClient;
  let clusterId: string;
  let otherClusterId: string;
  let editor: { id: string; username: string };
  let admin: { id: string; username: string };
  let n = 0;

  const asUser = (userId: string) => (method: string, url: string, opts: SendOptions = {}) => send(method, url, { ...opts, userId });
  const asToken = (token: string) => (method: string, url: string, opts: SendOptions = {}) => send(method, url, { ...opts, token });
  const znode = (id = clusterId) => `/api/v1/clusters/${id}/znode`;
  async function makeToken(userId: string, body: Record<string, unknown>) {
    const r = await send("POST", "/api/v1/tokens", { userId, json: { name: `t-${++n}`, role: "editor", expiresInDays: 30, ...body } });
    expect(r.status, r.text).toBe(201);
    return r.json as { token: string; apiToken: { id: string; name: string; hint: string }; effective: unknown[] };
  }

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    raw = await getClient({ id: "tokens-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000 });
    for (const p of ["/app", "/app/config", "/other"]) await raw.create(p, Buffer.from("v0"), 0);
    clusterId = (await createCluster({ name: `tokens-${Date.now()}`, connectionString: zk.connectionString })).id;
    otherClusterId = (await createCluster({ name: `tokens-other-${Date.now()}`, connectionString: zk.connectionString })).id;
    editor = await makeUser("editor");
    admin = await makeUser("admin");
  });
  afterAll(async () => {
    closeSession("tokens-raw");
    closeSession(clusterId);
    closeSession(otherClusterId);
    await zk?.stopAll();
  });

  it("answers the secret once and keeps only its SHA-256", async () => {
    const { token, apiToken } = await makeToken(editor.id, {});
    expect(token).toMatch(/^zkc_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(apiToken.hint)).toBe(true);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.secretHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    const list = await asUser(editor.id)("GET", "/api/v1/tokens");
    expect(list.text).not.toContain(token.slice(4));
    expect(list.json.tokens.find((t: { id: string }) => t.id === apiToken.id)).toMatchObject({ name: apiToken.name, status: "active", owner: { username: editor.username, serviceAccount: false } });
  });

  it("works with Authorization: Bearer alone (no cookie, no Origin) on reads and writes, audited as the token", async () => {
    const { token, apiToken } = await makeToken(editor.id, {});
    const call = asToken(token);
    expect((await call("GET", znode(), { query: { path: "/app/config" } })).json).toMatchObject({ path: "/app/config" });
    const path = `/app/by-token-${++n}`;
    const created = await call("POST", znode(), { query: { path }, json: { data: "from a script" } });
    expect(created.status, created.text).toBe(201);
    expect((await raw.get(path)).data.toString()).toBe("from a script");
    const record = await auditEntryOfRequest(created.headers.get("x-request-id")!);
    expect(record.actor).toMatchObject({ id: editor.id, name: `token "${apiToken.name}" of ${editor.username}`, provider: "token" });
    expect(record.outcome).toBe("ok");
  });

  it("never exceeds its user's rights, and loses them the moment the user does", async () => {
    const user = await makeUser("none");
    const g = await grant({ userId: user.id }, "editor", { clusterId, pathPrefix: "/app" });
    // Asked for admin everywhere; gets editor on /app of this cluster only.
    const { token, effective } = await makeToken(user.id, { role: "admin" });
    expect(effective).toEqual([expect.objectContaining({ role: "editor", clusterId, pathPrefix: "/app" })]);
    const call = asToken(token);
    expect((await call("PUT", znode(), { query: { path: "/app/config" }, json: { data: "ok", version: (await raw.get("/app/config")).stat.version } })).status).toBe(200);
    expect((await call("GET", znode(), { query: { path: "/other" } })).status).toBe(403);
    expect((await call("GET", `/api/v1/clusters/${otherClusterId}`)).status).toBe(404);
    expect((await call("GET", "/api/v1/admin/users")).status).toBe(403);
    await db().grant.delete({ where: { id: g.id } });
    expect((await call("GET", znode(), { query: { path: "/app/config" } })).status).toBe(404);
    await grant({ userId: user.id }, "viewer", { clusterId });
    await db().user.update({ where: { id: user.id }, data: { disabled: true } });
    const refused = await call("GET", znode(), { query: { path: "/app/config" } });
    expect(refused.status).toBe(401);
    expect(refused.json.error.message).toContain("disabled");
  });

  it("keeps to its scope: cluster, path prefix, role and read-only", async () => {
    const scoped = asToken((await makeToken(admin.id, { role: "viewer", clusterId, pathPrefix: "/app" })).token);
    expect((await scoped("GET", znode(), { query: { path: "/app/config" } })).status).toBe(200);
    expect((await scoped("GET", znode(), { query: { path: "/other" } })).status).toBe(403);
    expect((await scoped("GET", `/api/v1/clusters/${otherClusterId}`)).status).toBe(404);
    const write = await scoped("POST", znode(), { query: { path: `/app/viewer-${++n}` }, json: { data: "x" } });
    expect(write.json.error.code).toBe("FORBIDDEN");

    const readOnly = asToken((await makeToken(admin.id, { role: "admin", readOnly: true })).token);
    expect((await readOnly("GET", "/api/v1/audit", { query: { limit: "1" } })).status).toBe(200);
    const refused = await readOnly("POST", znode(), { query: { path: `/app/ro-${++n}` }, json: { data: "x" } });
    expect({ status: refused.status, code: refused.json.error.code }).toEqual({ status: 403, code: "TOKEN_READ_ONLY" });
    expect(await raw.exists(`/app/ro-${n}`)).toBeNull();
  });

  it("refuses forged, expired and revoked tokens with 401 and says why", async () => {
    const forged = await asToken(`zkc_${"A".repeat(43)}`)("GET", "/api/v1/clusters");
    expect({ status: forged.status, message: forged.json.error.message }).toEqual({ status: 401, message: "the API token was refused: no such token" });
    expect((await asToken("zkc_short")("GET", "/api/v1/clusters")).status).toBe(401);

    const expired = await makeToken(editor.id, {});
    await db().apiToken.update({ where: { id: expired.apiToken.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await asToken(expired.token)("GET", "/api/v1/clusters")).json.error.message).toContain("expired");

    const revoked = await makeToken(editor.id, {});
    const del = await asUser(editor.id)("DELETE", `/api/v1/tokens/${revoked.apiToken.id}`);
    expect(del.json.apiToken.status).toBe("revoked");
    expect((await asToken(revoked.token)("GET", "/api/v1/clusters")).json.error.message).toContain("revoked");
    const record = await auditEntryOfRequest(del.headers.get("x-request-id")!);
    expect(record).toMatchObject({ operation: "token_revoke", outcome: "ok", actor: { id: editor.id } });
    // Someone else's token does not exist for a non-admin.
    const other = await makeToken(admin.id, {});
    expect((await asUser(editor.id)("DELETE", `/api/v1/tokens/${other.apiToken.id}`)).status).toBe(404);
  });

  it("cannot manage tokens or service accounts itself", async () => {
    const call = asToken((await makeToken(admin.id, { role: "admin" })).token);
    for (const [method, url] of [["GET", "/api/v1/tokens"], ["POST", "/api/v1/tokens"], ["GET", "/api/v1/admin/service-accounts"]]) {
      const r = await call(method, url, { json: method === "POST" ? { name: "again", role: "admin", expiresInDays: 366 } : undefined });
      expect({ status: r.status, code: r.json.error?.code }, url).toEqual({ status: 403, code: "SESSION_REQUIRED" });
    }
  });

  it("says what a token may do now (nothing, without grants), and refuses the metrics scope to non-admins", async () => {
    const user = await makeUser("none");
    const none = await makeToken(user.id, { role: "viewer" });
    expect(none.effective).toEqual([]);
    expect((await asToken(none.token)("GET", znode(), { query: { path: "/app" } })).status).toBe(404);
    const metrics = await send("POST", "/api/v1/tokens", { userId: editor.id, json: { name: "scrape", role: null, metrics: true, expiresInDays: 1 } });
    expect(metrics.status).toBe(403);
    const twice = await makeToken(editor.id, {});
    const again = await send("POST", "/api/v1/tokens", { userId: editor.id, json: { name: twice.apiToken.name, role: "viewer", expiresInDays: 1 } });
    expect(again.json.error.code).toBe("TOKEN_EXISTS");
  });

  it("records the last use in memory and writes it in a batch, not per request", async () => {
    const { token, apiToken } = await makeToken(editor.id, {});
    await asToken(token)("GET", "/api/v1/clusters");
    expect(await db().apiTokenUse.findUnique({ where: { tokenId: apiToken.id } })).toBeNull();
    const listed = (await asUser(editor.id)("GET", "/api/v1/tokens")).json.tokens.find((t: { id: string }) => t.id === apiToken.id);
    expect(listed.lastUsedAt).not.toBeNull();
    await flushTokenUse();
    expect((await db().apiTokenUse.findUniqueOrThrow({ where: { tokenId: apiToken.id } })).lastUsedAt.toISOString()).toBe(listed.lastUsedAt);
  });

  it("is rate limited per token: 429 with Retry-After", async () => {
    const before = process.env.TOKEN_RATE_LIMIT;
    process.env.TOKEN_RATE_LIMIT = "5";
    try {
      const limited = asToken((await makeToken(editor.id, {})).token);
      const other = asToken((await makeToken(editor.id, {})).token);
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 7; i++) statuses.push((last = await limited("GET", "/api/v1/clusters")).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.at(-1)).toBe(429);
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(last!.json.error.code).toBe("RATE_LIMITED");
      expect((await other("GET", "/api/v1/clusters")).status).toBe(200);
    } finally {
      process.env.TOKEN_RATE_LIMIT = before;
    }
  });

  describe("service accounts", () => {
    it("are made by admins, never sign in, act through tokens with their own grants, and stop when disabled", async () => {
      expect((await asUser(editor.id)("POST", "/api/v1/admin/service-accounts", { json: { name: "nope" } })).status).toBe(403);
      const made = await asUser(admin.id)("POST", "/api/v1/admin/service-accounts", { json: { name: `deploy-bot-${++n}` } });
      expect(made.status, made.text).toBe(201);
      const sa = made.json.serviceAccount;
      expect(sa).toMatchObject({ role: "none", disabled: false });
      // A session cookie for it (forged: it has no way to sign in) is no one.
      expect((await asUser(sa.id)("GET", "/api/v1/clusters")).status).toBe(401);
      await grant({ userId: sa.id }, "editor", { clusterId, pathPrefix: "/app" });
      const created = await send("POST", "/api/v1/tokens", { userId: admin.id, json: { name: "ci", role: "editor", expiresInDays: 7, serviceAccountId: sa.id } });
      expect(created.status, created.text).toBe(201);
      const call = asToken(created.json.token);
      const path = `/app/sa-${++n}`;
      const r = await call("POST", znode(), { query: { path }, json: { data: "deployed" } });
      expect(r.status, r.text).toBe(201);
      expect((await auditEntryOfRequest(r.headers.get("x-request-id")!)).actor.name).toBe(`token "ci" of ${sa.username}`);
      expect((await call("GET", znode(), { query: { path: "/other" } })).status).toBe(403);
      const listed = (await asUser(admin.id)("GET", "/api/v1/admin/service-accounts")).json.serviceAccounts.find((s: { id: string }) => s.id === sa.id);
      expect(listed.activeTokens).toBe(1);
      expect((await asUser(admin.id)("PATCH", `/api/v1/admin/users/${sa.id}`, { json: { disabled: true } })).status).toBe(200);
      expect((await call("GET", "/api/v1/clusters")).status).toBe(401);
    });
  });
});
