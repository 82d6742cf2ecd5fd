// GET /metrics through the real route handler against a real 3-member ensemble, the real health
// sampler and SQLite: who may scrape (metrics-scoped token, METRICS_ALLOW address; no token 401,
// a token or session without the scope 403), the members' gauges from the sampler's latest sample,
// and the console's own series (sessions by state, live viewers and watches, audit appends, a
// session worker restart), all read back through a Prometheus text-format parser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import parsePrometheusTextFormat, { type Family } from "parse-prometheus-text-format";
import { GET as metricsRoute } from "@/app/metrics/route";
import { createCluster } from "@/lib/clusters/registry";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { closeSession, sessionInternals } from "@/lib/core/zk/sessions";
import { sampleCount, startHealthSampler, stopHealthSampler } from "@/lib/health";
import { makeUser, sessionCookie, TEST_ORIGIN } from "@/test/support/auth";
import { send } from "@/test/proving/send";
import * as eventsRoute from "@/app/api/v1/clusters/[id]/events/route";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function scrape(headers: Record<string, string> = {}) {
  const res = await metricsRoute(new NextRequest(new URL("/metrics", TEST_ORIGIN), { headers }), { params: Promise.resolve({}) });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

describe("GET /metrics", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  let clusterName: string;
  let admin: { id: string };
  let metricsToken: string;
  let plainToken: string;

  const family = (families: Family[], name: string) => families.find((f) => f.name === name);
  const series = (families: Family[], name: string) => (family(families, name)?.metrics ?? []).filter((m) => m.labels?.cluster === clusterName);
  async function scrapeParsed() {
    const r = await scrape({ authorization: `Bearer ${metricsToken}` });
    expect(r.status, r.text).toBe(200);
    return parsePrometheusTextFormat(r.text);
  }
  async function token(body: Record<string, unknown>) {
    const r = await send("POST", "/api/v1/tokens", { userId: admin.id, json: { name: `m-${Math.random().toString(36).slice(2)}`, expiresInDays: 1, ...body } });
    expect(r.status, r.text).toBe(201);
    return r.json.token as string;
  }

  beforeAll(async () => {
    delete process.env.METRICS_ALLOW;
    zk = await startEnsemble({ size: 3 });
    clusterName = `metrics-${Date.now()}`;
    clusterId = (await createCluster({ name: clusterName, connectionString: zk.connectionString })).id;
    admin = await makeUser("admin");
    metricsToken = await token({ role: null, metrics: true });
    plainToken = await token({ role: "admin" });
    startHealthSampler({ intervalMs: 300 });
  });

  afterAll(async () => {
    await stopHealthSampler();
    closeSession(clusterId);
    await zk?.stopAll();
    delete process.env.METRICS_ALLOW;
  });

  it("refuses a scrape without credentials (401), with a token or a session lacking the metrics scope (403), with a forged token (401)", async () => {
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(JSON.parse(none.text).error.message).toContain("metrics scope");
    const plain = await scrape({ authorization: `Bearer ${plainToken}` });
    expect([plain.status, JSON.parse(plain.text).error.code]).toEqual([403, "FORBIDDEN"]);
    const session = await scrape({ cookie: await sessionCookie(admin.id), "sec-fetch-site": "same-origin" });
    expect(session.status).toBe(403);
    const forged = await scrape({ authorization: `Bearer zkc_${"A".repeat(43)}` });
    expect(forged.status).toBe(401);
  });

  it("lets an address in METRICS_ALLOW scrape without a token; others still need one", async () => {
    process.env.METRICS_ALLOW = "10.1.0.0/16, ::1";
    try {
      expect((await scrape({ "x-forwarded-for": "10.1.2.3" })).status).toBe(200);
      expect((await scrape({ "x-forwarded-for": "::1" })).status).toBe(200);
      expect((await scrape({ "x-forwarded-for": "10.2.0.1" })).status).toBe(401);
      // A token sent from an allowed address is still checked.
      expect((await scrape({ "x-forwarded-for": "10.1.2.3", authorization: `Bearer ${plainToken}` })).status).toBe(403);
    } finally {
      delete process.env.METRICS_ALLOW;
    }
  });

  it("exposes every member's latest sample as zookeeper_ gauges labelled by cluster and member", async () => {
    // After an election the leader's zxid is in a new epoch and the followers' stay in the old one
    // until the first transaction of the new epoch (their lag in transactions is unknown till then): write one.
    const created = await send("POST", `/api/v1/clusters/${clusterId}/znode`, { userId: admin.id, query: { path: "/metrics-test" }, json: { data: "x" } });
    expect(created.status, created.text).toBe(201);
    // Samples are counted, never timed: at most 40 of them until all three members are up in one.
    let families: Family[] = [];
    for (let i = 0; i < 40; i++) {
      families = await scrapeParsed();
      const up = series(families, "zookeeper_up");
      // A follower reports the new epoch's zxid once it has synced with the leader.
      if (up.length === 3 && up.every((m) => m.value === "1") && series(families, "zookeeper_zxid_lag").length === 3) break;
      const target = sampleCount(clusterId) + 1;
      while (sampleCount(clusterId) < target) await sleep(50);
    }
    const members = zk.members.map((m) => `127.0.0.1:${m.clientPort}`).sort();
    expect(series(families, "zookeeper_up").map((m) => [m.labels?.member, m.value]).sort()).toEqual(members.map((m) => [m, "1"]));
    const modes = series(families, "zookeeper_mode").filter((m) => m.value === "1").map((m) => m.labels?.mode).sort();
    expect(modes).toEqual(["follower", "follower", "leader"]);
    for (const name of ["zookeeper_latency_avg_seconds", "zookeeper_latency_max_seconds", "zookeeper_outstanding_requests", "zookeeper_znode_count", "zookeeper_ephemerals_count", "zookeeper_watch_count", "zookeeper_zxid_lag", "zookeeper_zxid_lag_epochs", "zookeeper_sample_timestamp_seconds"]) {
      const s = series(families, name);
      expect(s.map((m) => m.labels?.member).sort(), name).toEqual(members);
      expect(family(families, name)?.type).toBe("GAUGE");
      for (const m of s) expect(Number(m.value), `${name} ${m.labels?.member}`).toBeGreaterThanOrEqual(0);
    }
    // The data tree has at least /zookeeper and /zookeeper/quota on every member.
    for (const m of series(families, "zookeeper_znode_count")) expect(Number(m.value)).toBeGreaterThanOrEqual(2);
  });

  it("exposes the console's own series: sessions by state, watches and live viewers, audit appends, worker restarts", async () => {
    const asAdmin = (url: string, query: Record<string, string>) => send("GET", url, { userId: admin.id, query });
    expect((await asAdmin(`/api/v1/clusters/${clusterId}/znode`, { path: "/" })).status).toBe(200);
    // A live viewer of "/": one stream, one watched path, until it is cancelled.
    const abort = new AbortController();
    const req = new NextRequest(new URL(`/api/v1/clusters/${clusterId}/events?path=/`, TEST_ORIGIN), { headers: { cookie: await sessionCookie(admin.id), "sec-fetch-site": "same-origin" }, signal: abort.signal });
    const stream = await eventsRoute.GET(req, { params: Promise.resolve({ id: clusterId }) });
    expect(stream.status).toBe(200);
    let families = await scrapeParsed();
    expect(series(families, "zkconsole_zookeeper_sessions").find((m) => m.labels?.state === "connected")?.value).toBe("1");
    expect(series(families, "zkconsole_live_viewers").map((m) => m.value)).toEqual(["1"]);
    expect(Number(series(families, "zkconsole_watched_paths")[0]?.value)).toBeGreaterThanOrEqual(1);
    await stream.body?.cancel();
    abort.abort();
    // Making the tokens appended audit records (token_create); appends are timed and none failed.
    const appends = family(families, "zkconsole_audit_append_duration_seconds")?.metrics[0];
    expect(Number(appends?.count)).toBeGreaterThanOrEqual(2);
    expect(family(families, "zkconsole_audit_append_failures_total")?.type).toBe("COUNTER");
    // HTTP latency by route pattern is declared (server.mjs observes it; e2e/metrics.spec.ts checks the series).
    expect(family(families, "zkconsole_http_request_duration_seconds")?.type).toBe("HISTOGRAM");

    // Kill the worker hosting the session: the next request starts it again, and that is counted.
    const restarts = (f: Family[]) => (family(f, "zkconsole_session_worker_restarts_total")?.metrics ?? []).reduce((n, m) => n + Number(m.value), 0);
    const before = restarts(families);
    const internals = sessionInternals(clusterId);
    expect(internals).not.toBeNull();
    internals!.kill("SIGKILL");
    let ok = 0;
    for (let i = 0; i < 50 && ok !== 200; i++) {
      ok = (await asAdmin(`/api/v1/clusters/${clusterId}/znode`, { path: "/" })).status;
      if (ok !== 200) await sleep(100);
    }
    expect(ok).toBe(200);
    families = await scrapeParsed();
    expect(restarts(families)).toBe(before + 1);
    expect(series(families, "zkconsole_live_viewers").map((m) => m.value)).toEqual(["0"]);
  });

  it("answers in the Prometheus text format", async () => {
    const r = await scrape({ authorization: `Bearer ${metricsToken}` });
    expect(r.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(r.text).toMatch(/^# HELP /m);
  });
});
