// Health against real ZooKeeper processes: a 3-member ensemble (with AdminServer), the
// background sampler with alerts and a webhook receiver, and a member with a restricted whitelist.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "../clusters/registry";
import { db } from "@/lib/core/db/client";
import { startEnsemble, type LocalEnsemble } from "../ensemble/launcher";
import { actorCtx } from "@/test/support/actors";
import { closeSession } from "@/lib/core/zk/sessions";
import { getClusterHealth, getHealthHistory, listAlerts, sampleCount, startHealthSampler, stopHealthSampler, webhooksSettled } from ".";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait for `n` more completed samples of a cluster (samples are counted, not wall-clock time). */
async function samples(clusterId: string, n: number) {
  const target = sampleCount(clusterId) + n;
  while (sampleCount(clusterId) < target) await sleep(50);
}

describe("ensemble health (real 3-member ensemble)", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  const ticks = (n: number) => samples(clusterId, n);
  async function ticksUntil<T>(what: string, maxSamples: number, check: () => Promise<T | null | undefined | false>): Promise<T> {
    for (let i = 0; i < maxSamples; i++) {
      const v = await check();
      if (v) return v;
      await ticks(1);
    }
    throw new Error(`${what}: not seen within ${maxSamples} samples`);
  }
  const received: { event: string; alert: { kind: string; member: string | null; id: number } }[] = [];
  let failNext = 1;
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      // The first delivery fails: the sender must retry with backoff.
      if (failNext-- > 0) { res.writeHead(500).end(); return; }
      received.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });

  beforeAll(async () => {
    process.env.HEALTH_WEBHOOK_BACKOFF_MS = "100";
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    zk = await startEnsemble({ size: 3, admin: true });
    const adminPorts = new Set(zk.members.map((m) => m.adminPort));
    clusterId = (await createCluster({ name: `health-${Date.now()}`, connectionString: zk.connectionString })).id;
    // One AdminServer port per cluster is the real-world layout; here every member has its own,
    // so the sampler test uses four-letter words only and one member's port checks the merge.
    expect(adminPorts.size).toBe(3);
    await db().cluster.update({ where: { id: clusterId }, data: { webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, latencyAlertMs: 10_000 } });
    // Wait until all three serve: waitServing returns at quorum.
    for (let i = 0; i < 120; i++) {
      const h = await getClusterHealth({ ctx: actorCtx("viewer"), clusterId });
      if (h.members.every((m) => m.state === "up")) break;
      await sleep(250);
    }
  });

  afterAll(async () => {
    await stopHealthSampler();
    await webhooksSettled();
    closeSession(clusterId);
    await zk?.stopAll();
    receiver.close();
  });

  it("shows three members, one leader, the quorum and the zxid lag", async () => {
    const h = await getClusterHealth({ ctx: actorCtx("viewer"), clusterId });
    expect(h.members).toHaveLength(3);
    expect(h.members.filter((m) => m.mode === "leader")).toHaveLength(1);
    expect(h.members.filter((m) => m.mode === "follower")).toHaveLength(2);
    expect(h.quorum).toMatchObject({ status: "ok", voters: 3, votersUp: 3, needed: 2, tolerates: 1 });
    expect(h.quorum.leader?.serverId).toBe(h.members.find((m) => m.mode === "leader")?.serverId);
    // Server ids come from the members' conf: every member is known by id.
    expect(h.members.map((m) => m.serverId).sort()).toEqual([1, 2, 3]);
    // /zookeeper/config is readable through the session (server lines without client ports here).
    expect(h.membership?.source).toBe("dynamic-config");
    expect(h.membership?.servers).toHaveLength(3);
    const leader = h.members.find((m) => m.mode === "leader")!;
    expect(leader).toMatchObject({ syncedFollowers: 2, learners: 2, source: "4lw" });
    expect(leader.version).toMatch(/^3\.8/);
    expect(leader.zxid?.epoch).toBeGreaterThan(0);
    for (const m of h.members) {
      expect(m.latency).not.toBeNull();
      expect(m.znodeCount).toBeGreaterThan(0);
      expect(m.openFds).toBeGreaterThan(0);
      expect(m.maxFds).toBeGreaterThan(0);
      expect(m.readOnly).toBe(false);
      expect(m.watches).not.toBeNull();
    }
    expect(h.lag).toHaveLength(2);
    for (const row of h.lag) expect(row.epochsBehind).toBe(0);
  });

  it("reads members from the AdminServer when its port is configured", async () => {
    const m = zk.members[0];
    await db().cluster.update({ where: { id: clusterId }, data: { adminServerPort: m.adminPort! } });
    try {
      const h = await getClusterHealth({ ctx: actorCtx("viewer"), clusterId });
      expect(h.members.find((x) => x.address === `127.0.0.1:${m.clientPort}`)?.source).toBe("4lw+admin");
    } finally {
      await db().cluster.update({ where: { id: clusterId }, data: { adminServerPort: null } });
    }
  });

  it("refuses health to a user without a grant on the cluster (404, like znode reads)", async () => {
    const ctx = actorCtx("viewer");
    ctx.actor.role = "none";
    await expect(getClusterHealth({ ctx, clusterId })).rejects.toMatchObject({ status: 404 });
  });

  it("SIGKILL of the leader: within two samples it shows down, an alert is recorded and the webhook gets it; a new leader follows; restart resolves it", async () => {
    startHealthSampler({ intervalMs: 1000 });
    const before = await ticksUntil("a leader in the samples", 30, async () =>
      (await db().healthSample.findFirst({ where: { clusterId, mode: "leader" }, orderBy: { at: "desc" } }))?.member);
    const victim = zk.members.find((m) => `127.0.0.1:${m.clientPort}` === before)!;
    await zk.stop(victim.id, "SIGKILL");
    const killedAt = new Date();

    await ticks(2);
    const latest = await db().healthSample.findFirst({ where: { clusterId, member: before, at: { gte: killedAt } }, orderBy: { at: "desc" } });
    expect(latest).toMatchObject({ up: false });
    const open = await listAlerts({ ctx: actorCtx("viewer"), clusterId, input: { open: "true" } });
    expect(open.alerts).toContainEqual(expect.objectContaining({ kind: "member_down", member: before, severity: "critical" }));

    const newLeader = await ticksUntil("a new leader", 30, async () => {
      const h = await getClusterHealth({ ctx: actorCtx("viewer"), clusterId });
      return h.quorum.leader && h.quorum.leader.address !== before ? h : null;
    });
    expect(newLeader.members.find((m) => m.address === before)?.state).toBe("down");
    expect(newLeader.quorum).toMatchObject({ status: "at-risk", votersUp: 2, tolerates: 0 });
    expect(newLeader.alerts.map((a) => a.kind)).toEqual(expect.arrayContaining(["member_down"]));

    await ticksUntil("the webhook delivery of member_down", 30, async () => received.find((r) => r.event === "alert.opened" && r.alert.kind === "member_down" && r.alert.member === before));
    await ticksUntil("a leader_changed event", 30, async () => (await db().healthAlert.findFirst({ where: { clusterId, kind: "leader_changed" } })));
    const downAlert = await db().healthAlert.findFirstOrThrow({ where: { clusterId, kind: "member_down", member: before } });
    await webhooksSettled();
    const withStatus = await db().healthAlert.findMany({ where: { clusterId, webhookStatus: { not: null } } });
    // The first POST got a 500: that alert's delivery needed a second try.
    expect(withStatus.some((a) => a.webhookTries >= 2 && a.webhookStatus!.includes("delivered"))).toBe(true);

    await zk.start(victim.id);
    await ticksUntil("the member back up and its alert resolved", 60, async () =>
      (await db().healthAlert.findUnique({ where: { id: downAlert.id } }))?.resolvedAt);
    await ticksUntil("the resolution delivered", 30, async () => received.find((r) => r.event === "alert.resolved" && r.alert.id === downAlert.id));
    const h = await getClusterHealth({ ctx: actorCtx("viewer"), clusterId });
    expect(h.members.find((m) => m.address === before)?.state).toBe("up");

    const history = await getHealthHistory({ ctx: actorCtx("viewer"), clusterId, input: { member: before, since: new Date(Date.now() - 600_000).toISOString() } });
    expect(history.samples.some((s) => !s.up)).toBe(true);
    expect(history.samples.at(-1)?.up).toBe(true);
    await stopHealthSampler();
  });

  it("a cluster whose members accept connections but never answer does not stall the others' sampling", async () => {
    const sockets = new Set<net.Socket>();
    const blackhole = net.createServer((sock) => { sockets.add(sock); });
    await new Promise<void>((r) => blackhole.listen(0, "127.0.0.1", r));
    const bad = await createCluster({ name: `hung-${Date.now()}`, connectionString: `127.0.0.1:${(blackhole.address() as AddressInfo).port}` });
    process.env.HEALTH_PROBE_TIMEOUT_MS = "60000";
    startHealthSampler({ intervalMs: 300 });
    try {
      await ticks(4);
      expect(sampleCount(bad.id)).toBe(0); // its first sample is still waiting for an answer
      expect(sockets.size).toBeGreaterThan(0);
    } finally {
      delete process.env.HEALTH_PROBE_TIMEOUT_MS;
      for (const sock of sockets) sock.destroy();
      blackhole.close();
      await stopHealthSampler();
      await db().cluster.delete({ where: { id: bad.id } });
    }
    const row = await db().healthSample.findFirst({ where: { clusterId: bad.id } });
    expect(row).toMatchObject({ up: false });
  });

  it("rejects a malformed history query with the broken rule", async () => {
    await expect(getHealthHistory({ ctx: actorCtx("viewer"), clusterId, input: { since: "yesterday" } })).rejects.toThrow(/ISO date/);
  });
});

describe("a member whose four-letter words are not whitelisted", () => {
  let zk: LocalEnsemble;
  let clusterId: string;

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1, admin: true, fourLetterWhitelist: "ruok" });
    clusterId = (await createCluster({ name: `restricted-${Date.now()}`, connectionString: zk.connectionString })).id;
  });
  afterAll(async () => {
    closeSession(clusterId);
    await zk?.stopAll();
  });

  it("is reported up with the refused words and the fix, not as down", async () => {
    const h = await getClusterHealth({ ctx: actorCtx("viewer"), clusterId });
    const [m] = h.members;
    // ZooKeeper always allows srvr (it uses it itself), so the mode is still known.
    expect(m).toMatchObject({ state: "up", mode: "standalone", source: "4lw" });
    expect(m.notWhitelisted).toEqual(expect.arrayContaining(["mntr", "conf", "wchs", "isro"]));
    expect(m.fix).toContain("4lw.commands.whitelist=*");
    expect(m.maxFds).toBeNull();
    expect(h.quorum.status).toBe("standalone");
  });

  it("is read through the AdminServer when its port is configured, the whitelist hint kept", async () => {
    await db().cluster.update({ where: { id: clusterId }, data: { adminServerPort: zk.members[0].adminPort! } });
    const [m] = (await getClusterHealth({ ctx: actorCtx("viewer"), clusterId })).members;
    expect(m).toMatchObject({ state: "up", mode: "standalone", source: "4lw+admin" });
    expect(m.maxFds).toBeGreaterThan(0); // from the AdminServer's monitor, as mntr is refused
    expect(m.fix).toContain("4lw.commands.whitelist");
  });
});
