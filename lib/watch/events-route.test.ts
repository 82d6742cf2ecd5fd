// GET /api/v1/clusters/{id}/events through the real route handler: a real next-auth session
// cookie, real users and grants in SQLite, a real ZooKeeper. Refusals come before any stream.
import { NextRequest } from "next/server";
import { eventually } from "@/test/support/eventually";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/v1/clusters/[id]/events/route";
import { grant, makeUser, sessionCookie, TEST_ORIGIN } from "@/test/support/auth";
import { createCluster } from "../clusters/registry";
import { startEnsemble, type LocalEnsemble } from "../ensemble/launcher";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import { SseReader } from "@/test/watch/sse-reader";
import { configureWatchHub, resetWatchHubOptions } from ".";

describe("GET /api/v1/clusters/{id}/events", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  const users = {} as Record<"none" | "viewer" | "scoped", string>;

  async function get(query: string, userId?: string, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { accept: "text/event-stream", "sec-fetch-site": "same-origin", ...headers };
    if (userId) h.cookie = await sessionCookie(userId);
    const abort = new AbortController();
    const req = new NextRequest(new URL(`/api/v1/clusters/${clusterId}/events?${query}`, TEST_ORIGIN), { headers: h, signal: abort.signal });
    const res = await eventsRoute.GET(req, { params: Promise.resolve({ id: clusterId }) });
    return { res, abort };
  }
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

  beforeAll(async () => {
    configureWatchHub({ lingerMs: 0 });
    zk = await startEnsemble({ size: 1 });
    const raw = await getClient({ id: "route-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000 });
    for (const p of ["/team", "/team/a", "/secret"]) await raw.create(p, Buffer.from(""), 0);
    clusterId = (await createCluster({ name: `route-${Date.now()}`, connectionString: zk.connectionString })).id;
    users.none = (await makeUser("none")).id;
    users.viewer = (await makeUser("viewer")).id;
    users.scoped = (await makeUser("none", { name: "scoped" })).id;
    await grant({ userId: users.scoped }, "viewer", { clusterId, pathPrefix: "/team" });
  });
  afterAll(async () => {
    resetWatchHubOptions();
    for (const id of [clusterId, "route-raw"]) closeSession(id);
    await zk?.stopAll();
  });

  it("streams events with no-store caching, a retry hint, ids and the connection state", async () => {
    const { res, abort } = await get("path=/team&path=/team/a", users.viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toMatch(/no-store/);
    const reader = new SseReader(res.body!);
    const state = await reader.waitFor((e) => e.type === "state");
    expect(state).toMatchObject({ clusterId, path: null, id: expect.stringMatching(/^[0-9a-f]+\.\d+$/) });
    // A fresh stream (no Last-Event-ID) gets each path's current state to compare with what it shows.
    const resync = await reader.waitFor((e) => e.type === "resync" && e.path === "/team");
    expect(resync.stat).toMatchObject({ version: 0, numChildren: 1 });
    expect(reader.retryMs).toBe(3000);
    abort.abort();
    await reader.cancel();
  });

  it("sends heartbeats as comment lines", async () => {
    const { openLiveStream, hubFor } = await import(".");
    const live = openLiveStream({ hub: hubFor(clusterId), paths: ["/team"], limits: { heartbeatMs: 100 } });
    const reader = new SseReader(live.stream);
    // Waits for the heartbeats rather than a fixed time: a loaded machine may delay the timer.
    await eventually(() => expect(reader.comments).toBeGreaterThanOrEqual(3), 10_000, 50);
    await reader.cancel();
  });

  it("needs a session (401) and the read permission on every path (404 for an invisible cluster, 403 outside a grant)", async () => {
    expect((await get("path=/team")).res.status).toBe(401);
    expect((await get("path=/team", users.none)).res.status).toBe(404);
    const outside = (await get("path=/team&path=/secret", users.scoped)).res;
    expect(outside.status).toBe(403);
    expect((await errorOf(outside)).message).toMatch(/may not read \/secret/);
    const inside = await get("path=/team/a", users.scoped);
    expect(inside.res.status).toBe(200);
    inside.abort.abort();
    await inside.res.body?.cancel();
  });

  it("names the broken rule in a 400: no path, a bad path, more than 50 paths", async () => {
    const none = (await get("", users.viewer)).res;
    expect(none.status).toBe(400);
    expect((await errorOf(none)).message).toMatch(/at least one path query parameter is required/);
    const bad = (await get("path=relative", users.viewer)).res;
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toMatch(/must start with \//);
    const many = (await get(Array.from({ length: 51 }, (_, i) => `path=/n${i}`).join("&"), users.viewer)).res;
    expect(many.status).toBe(400);
    expect((await errorOf(many)).message).toMatch(/at most 50 znodes \(this request names 51\)/);
  });
});
