// Who may do what is resolved once and kept in memory (users, grants, group mappings, clusters,
// their credentials), and every change takes effect on the very next request: through the real
// route handlers, real session cookies, SQLite and ZooKeeper. A warm read touches no database.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/v1/clusters/[id]/events/route";
import * as childrenRoute from "@/app/api/v1/clusters/[id]/children/route";
import * as znodeRoute from "@/app/api/v1/clusters/[id]/znode/route";
import * as grantRoute from "@/app/api/v1/admin/grants/[id]/route";
import * as userRoute from "@/app/api/v1/admin/users/[id]/route";
import { db } from "@/lib/core/db/client";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import { createCluster } from "@/lib/clusters/registry";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { configureWatchHub, resetWatchHubOptions } from "@/lib/watch";
import { callRoute, grant, makeUser, sessionCookie, TEST_ORIGIN } from "@/test/support/auth";
import { holdDatabaseLock } from "@/test/faults/db-faults";
import { SseReader } from "@/test/watch/sse-reader";
import { send } from "@/test/proving/send";

describe("cached access, invalidated on change", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  let admin: string;

  const read = (userId: string, path = "/inv/a") =>
    callRoute(znodeRoute.GET, "GET", `/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent(path)}`, { id: clusterId }, { userId });

  async function openStream(userId: string, paths: string[], token?: string) {
    const credentials: Record<string, string> = token ? { authorization: `Bearer ${token}` } : { "sec-fetch-site": "same-origin", cookie: await sessionCookie(userId) };
    const req = new NextRequest(new URL(`/api/v1/clusters/${clusterId}/events?${paths.map((p) => `path=${encodeURIComponent(p)}`).join("&")}`, TEST_ORIGIN), {
      headers: { accept: "text/event-stream", ...credentials },
    });
    const res = await eventsRoute.GET(req, { params: Promise.resolve({ id: clusterId }) });
    expect(res.status).toBe(200);
    const reader = new SseReader(res.body!);
    await reader.waitFor((e) => e.type === "resync" && e.path === paths[0], { what: "the first resync" });
    return reader;
  }

  beforeAll(async () => {
    configureWatchHub({ lingerMs: 0 });
    zk = await startEnsemble({ size: 1 });
    const raw = await getClient({ id: "inv-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000 });
    for (const p of ["/inv", "/inv/a", "/inv/b"]) await raw.create(p, Buffer.from(p), 0);
    clusterId = (await createCluster({ name: `inv-${Date.now()}`, connectionString: zk.connectionString })).id;
    admin = (await makeUser("admin")).id;
  });
  afterAll(async () => {
    resetWatchHubOptions();
    for (const id of [clusterId, "inv-raw"]) closeSession(id);
    await zk?.stopAll();
  });

  it("serves a warm read without the database: reads go on while another process locks it exclusively", async () => {
    const viewer = (await makeUser("viewer")).id;
    expect((await read(viewer)).status).toBe(200);
    const children = () => callRoute(childrenRoute.GET, "GET", `/api/v1/clusters/${clusterId}/children?path=/inv`, { id: clusterId }, { userId: viewer });
    expect((await children()).status).toBe(200);
    const lock = await holdDatabaseLock(process.env.DATABASE_URL!.replace(/^file:/, ""), "EXCLUSIVE");
    try {
      const [node, page] = [await read(viewer), await children()];
      expect(node.status).toBe(200);
      expect(node.json).toMatchObject({ path: "/inv/a", data: { text: "/inv/a" } });
      expect(page.json).toMatchObject({ children: ["a", "b"] });
    } finally {
      await lock.release();
    }
  });

  it("a revoked grant refuses the very next request", async () => {
    const user = (await makeUser("none")).id;
    const g = await grant({ userId: user }, "viewer", { clusterId });
    expect((await read(user)).status).toBe(200);
    expect((await read(user)).status).toBe(200); // now cached
    const revoke = await callRoute(grantRoute.DELETE, "DELETE", `/api/v1/admin/grants/${g.id}`, { id: g.id }, { userId: admin });
    expect(revoke.status).toBe(200);
    expect((await read(user)).status).toBe(404);
  });

  it("a grant narrowed by a direct database write (another tool, another instance) is seen at once", async () => {
    const user = (await makeUser("none")).id;
    const g = await grant({ userId: user }, "viewer", { clusterId });
    expect((await read(user)).status).toBe(200);
    await db().grant.update({ where: { id: g.id }, data: { pathPrefix: "/inv/b" } });
    const refused = await read(user);
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/may not read \/inv\/a/);
    expect((await read(user, "/inv/b")).status).toBe(200);
  });

  it("a group mapping removed, or the user leaving the group, refuses the next request", async () => {
    const group = `inv-team-${Date.now()}`;
    const user = (await makeUser("none", { groups: [group] })).id;
    const mapping = await grant({ group }, "viewer", { clusterId });
    expect((await read(user)).status).toBe(200);
    await db().user.update({ where: { id: user }, data: { groups: "[]" } });
    expect((await read(user)).status).toBe(404);
    await db().user.update({ where: { id: user }, data: { groups: JSON.stringify([group]) } });
    expect((await read(user)).status).toBe(200);
    await callRoute(grantRoute.DELETE, "DELETE", `/api/v1/admin/grants/${mapping.id}`, { id: mapping.id }, { userId: admin });
    expect((await read(user)).status).toBe(404);
  });

  it("a disabled user is refused on its very next request", async () => {
    const user = (await makeUser("viewer")).id;
    expect((await read(user)).status).toBe(200);
    expect((await callRoute(userRoute.PATCH, "PATCH", `/api/v1/admin/users/${user}`, { id: user }, { userId: admin, body: { disabled: true } })).status).toBe(200);
    const after = await read(user);
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe("UNAUTHENTICATED");
  });

  it("closes the open live stream of a user who is disabled, with a last event saying why", async () => {
    const user = (await makeUser("viewer")).id;
    const reader = await openStream(user, ["/inv/a", "/inv/b"]);
    await callRoute(userRoute.PATCH, "PATCH", `/api/v1/admin/users/${user}`, { id: user }, { userId: admin, body: { disabled: true } });
    const closed = await reader.waitFor((e) => e.type === "closed", { timeoutMs: 10_000, what: "the closing event" });
    expect(closed.reason).toMatch(/session or token has ended/);
    await expect.poll(() => reader.ended, { timeout: 10_000 }).toBe(true);
  });

  it("closes the open live stream of a user whose grant no longer covers one of its paths", async () => {
    const user = (await makeUser("none")).id;
    const g = await grant({ userId: user }, "viewer", { clusterId, pathPrefix: "/inv" });
    const other = (await makeUser("viewer")).id;
    const reader = await openStream(user, ["/inv/a", "/inv/b"]);
    const bystander = await openStream(other, ["/inv/a"]);
    await db().grant.update({ where: { id: g.id }, data: { pathPrefix: "/inv/a" } });
    const closed = await reader.waitFor((e) => e.type === "closed", { timeoutMs: 10_000, what: "the closing event" });
    expect(closed.reason).toMatch(/may not read \/inv\/b/);
    await expect.poll(() => reader.ended, { timeout: 10_000 }).toBe(true);
    // Others' streams go on: the next change still reaches them.
    await (await getClient({ id: "inv-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000 })).set("/inv/a", Buffer.from("changed"), -1);
    await bystander.waitFor((e) => e.type === "dataChanged" && e.path === "/inv/a", { what: "the bystander's event" });
    expect(bystander.events.some((e) => e.type === "closed")).toBe(false);
    await bystander.cancel();
  });

  it("an API token: served from memory, refused on the very next request once revoked, and its open stream closed", async () => {
    const user = (await makeUser("viewer")).id;
    const made = await send("POST", "/api/v1/tokens", { userId: user, json: { name: `inv-${Date.now()}`, role: "viewer", expiresInDays: 1 } });
    expect(made.status, made.text).toBe(201);
    const { token, apiToken } = made.json as { token: string; apiToken: { id: string } };
    const byToken = () => send("GET", `/api/v1/clusters/${clusterId}/znode`, { token, query: { path: "/inv/a" } });
    expect((await byToken()).status).toBe(200);
    const lock = await holdDatabaseLock(process.env.DATABASE_URL!.replace(/^file:/, ""), "EXCLUSIVE");
    try {
      expect((await byToken()).status).toBe(200);
    } finally {
      await lock.release();
    }
    const reader = await openStream(user, ["/inv/a"], token);
    // As another instance or tool would: straight to the database.
    await db().apiToken.update({ where: { id: apiToken.id }, data: { revokedAt: new Date() } });
    const refused = await byToken();
    expect(refused.status).toBe(401);
    expect(refused.json.error.message).toMatch(/revoked/);
    const closed = await reader.waitFor((e) => e.type === "closed", { timeoutMs: 10_000, what: "the closing event" });
    expect(closed.reason).toMatch(/session or token has ended/);
    await expect.poll(() => reader.ended, { timeout: 10_000 }).toBe(true);
  });
});
