// Sessions end when a user is disabled; state-changing requests from another site are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as clustersRoute from "@/app/api/v1/clusters/route";
import * as userRoute from "@/app/api/v1/admin/users/[id]/route";
import * as znodeRoute from "@/app/api/v1/clusters/[id]/znode/route";
import { createCluster } from "@/lib/clusters/registry";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import { actorForToken } from "./session";
import { callRoute, makeUser, TEST_ORIGIN } from "@/test/support/auth";

describe("sessions", () => {
  it("a disabled user is logged out at its next request, and re-enabling does not revive old sessions", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("editor");
    const loginAt = Date.now();
    expect(await actorForToken({ uid: user.id, loginAt })).toMatchObject({ id: user.id, role: "editor" });
    expect((await callRoute(clustersRoute.GET, "GET", "/api/v1/clusters", {}, { userId: user.id })).status).toBe(200);

    const disable = await callRoute(userRoute.PATCH, "PATCH", `/api/v1/admin/users/${user.id}`, { id: user.id }, { userId: admin.id, body: { disabled: true } });
    expect(disable.status).toBe(200);
    expect(await actorForToken({ uid: user.id, loginAt })).toBeNull();
    const after = await callRoute(clustersRoute.GET, "GET", "/api/v1/clusters", {}, { userId: user.id });
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe("UNAUTHENTICATED");

    await callRoute(userRoute.PATCH, "PATCH", `/api/v1/admin/users/${user.id}`, { id: user.id }, { userId: admin.id, body: { disabled: false } });
    expect(await actorForToken({ uid: user.id, loginAt })).toBeNull();
    expect(await actorForToken({ uid: user.id, loginAt: Date.now() + 1 })).toMatchObject({ id: user.id });
  });

  it("no session, an unknown user or a forged cookie is 401", async () => {
    expect((await callRoute(clustersRoute.GET, "GET", "/api/v1/clusters", {})).status).toBe(401);
    expect((await callRoute(clustersRoute.GET, "GET", "/api/v1/clusters", {}, { userId: "no-such-user" })).status).toBe(401);
    const forged = await callRoute(clustersRoute.GET, "GET", "/api/v1/clusters", {}, { headers: { cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.x.y.z.w" } });
    expect(forged.status).toBe(401);
  });

  it("an admin cannot lock the console out: not itself, not the last admin", async () => {
    const admin = await makeUser("admin");
    const self = await callRoute(userRoute.PATCH, "PATCH", `/api/v1/admin/users/${admin.id}`, { id: admin.id }, { userId: admin.id, body: { disabled: true } });
    expect(self.status).toBe(409);
    expect(self.json.error.code).toBe("SELF_LOCKOUT");
    const demote = await callRoute(userRoute.PATCH, "PATCH", `/api/v1/admin/users/${admin.id}`, { id: admin.id }, { userId: admin.id, body: { role: "potato" } });
    expect(demote.status).toBe(400);
    expect(demote.json.error.message).toMatch(/role must be one of/);
  });
});

describe("CSRF: state-changing requests must come from the console's own origin", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  let userId: string;

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    clusterId = (await createCluster({ name: `csrf-${Date.now()}`, connectionString: zk.connectionString })).id;
    userId = (await makeUser("admin")).id;
  });
  afterAll(async () => {
    closeSession(clusterId);
    closeSession("csrf-raw");
    await zk.stopAll();
  });

  const create = (path: string, headers: Record<string, string>) =>
    callRoute(znodeRoute.POST, "POST", `/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent(path)}`, { id: clusterId }, { userId, body: { data: "x" }, headers });
  const exists = async (path: string) => (await (await getClient({ id: "csrf-raw", connectionString: zk.connectionString, sessionTimeoutMs: 10_000 })).exists(path)) !== null;

  it.each([
    ["a foreign Origin", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, /Origin https:\/\/evil.example|Sec-Fetch-Site is cross-site/],
    ["Sec-Fetch-Site cross-site", { origin: TEST_ORIGIN, "sec-fetch-site": "cross-site" }, /Sec-Fetch-Site is cross-site/],
    ["Sec-Fetch-Site same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }, /same-site/],
    ["a foreign Origin without Fetch Metadata", { origin: "http://console.test.evil.example", "sec-fetch-site": "" }, /Origin http:\/\/console.test.evil.example is not/],
    ["a null Origin", { origin: "null", "sec-fetch-site": "" }, /Origin null/],
  ])("refuses %s with 403 naming the rule, and writes nothing", async (_name, headers, message) => {
    const path = `/csrf-${Math.random().toString(36).slice(2)}`;
    const r = await create(path, headers);
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe("CSRF_REFUSED");
    expect(r.json.error.message).toMatch(/rule: state-changing requests must come from the console's own origin/);
    expect(r.json.error.message).toMatch(message);
    expect(await exists(path)).toBe(false);
  });

  it("accepts same-origin browser requests and non-browser clients (no Origin, no Fetch Metadata)", async () => {
    expect((await create("/csrf-same-origin", {})).status).toBe(201);
    const cli = await callRoute(znodeRoute.POST, "POST", `/api/v1/clusters/${clusterId}/znode?path=/csrf-cli`, { id: clusterId }, { userId, body: {}, headers: { origin: "", "sec-fetch-site": "" } });
    expect(cli.status).toBe(201);
  });

  it("never blocks reads", async () => {
    const r = await callRoute(clustersRoute.GET, "GET", "/api/v1/clusters", {}, { userId, headers: { "sec-fetch-site": "cross-site" } });
    expect(r.status).toBe(200);
  });
});
