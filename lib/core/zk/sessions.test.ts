// The session manager against real ZooKeeper processes: one shared session per
// cluster, fast failure when nothing answers, and survival of member restarts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEnsemble, waitServing, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { freePorts } from "@/lib/ensemble/ports";
import { eventually, sleep } from "@/test/support/eventually";
import { expireSession } from "@/test/support/expire-session";
import { closeSession, getClient, sessionStatus, type SessionTarget } from "./sessions";

const PERSISTENT = 0;

async function untilState(id: string, state: string, timeoutMs = 20_000) {
  await eventually(() => {
    if (sessionStatus(id).state !== state) throw new Error(`session ${id} is ${sessionStatus(id).state} (${sessionStatus(id).reason ?? ""}), waiting for ${state}`);
  }, timeoutMs);
}

/** Rejection of `p` (fails the test if it resolves), with how long it took. */
async function rejectionOf(p: Promise<unknown>): Promise<{ error: { code?: string; status?: number; message: string }; ms: number }> {
  const t0 = Date.now();
  try {
    await p;
  } catch (error) {
    return { error: error as { code?: string; status?: number; message: string }, ms: Date.now() - t0 };
  }
  throw new Error("expected the call to fail, but it succeeded");
}

describe("session manager, standalone server", () => {
  let zk: LocalEnsemble;
  let target: SessionTarget;
  const ids: string[] = [];
  const targetFor = (id: string): SessionTarget => (ids.push(id), { id, connectionString: zk.connectionString, sessionTimeoutMs: 4000 });

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    target = targetFor("standalone");
  });
  afterAll(async () => {
    ids.forEach(closeSession);
    await sleep(50); // closeSession closes the handle on the next tick
    await zk?.stopAll();
  });

  it("is idle before first use", () => {
    expect(sessionStatus("never-used").state).toBe("idle");
  });

  it("connects lazily and reports connected with a session id", async () => {
    const client = await getClient(target);
    expect(sessionStatus(target.id)).toMatchObject({ state: "connected", sessionId: expect.stringMatching(/^[0-9a-f]+$/) });
    await client.create("/sessions-test", Buffer.from("hello"), PERSISTENT);
    expect((await client.get("/sessions-test")).data.toString()).toBe("hello");
  });

  it("shares one session between concurrent callers of a fresh cluster", async () => {
    const t = targetFor("concurrent");
    const clients = await Promise.all(Array.from({ length: 20 }, () => getClient(t)));
    expect(new Set(clients).size).toBe(1);
    const { sessionId } = sessionStatus(t.id);
    expect(sessionId).toBeTruthy();
    // Later callers get the same client and session too.
    expect(await getClient(t)).toBe(clients[0]);
    expect(sessionStatus(t.id).sessionId).toBe(sessionId);
    // The server sees one connection from that session.
    const cons = await import("./four-letter").then((m) => m.fourLetterWord("127.0.0.1", zk.members[0].clientPort, "cons"));
    expect(cons.match(new RegExp(`sid=0x${sessionId}\\b`, "g"))).toHaveLength(1);
  });

  it("separates sessions of different clusters", async () => {
    const a = await getClient(target);
    const b = await getClient(targetFor("other-cluster"));
    expect(a).not.toBe(b);
    expect(sessionStatus("other-cluster").sessionId).not.toBe(sessionStatus(target.id).sessionId);
  });

  it("closeSession forgets the session; the next getClient opens a new one", async () => {
    const before = await getClient(target);
    const oldId = sessionStatus(target.id).sessionId;
    closeSession(target.id);
    expect(sessionStatus(target.id).state).toBe("idle");
    const after = await getClient(target);
    expect(after).not.toBe(before);
    expect(sessionStatus(target.id)).toMatchObject({ state: "connected" });
    expect(sessionStatus(target.id).sessionId).not.toBe(oldId);
    expect((await after.get("/sessions-test")).data.toString()).toBe("hello");
  });

  it("opens a new session when the cluster's connection settings change", async () => {
    const before = await getClient(target);
    const changed = { ...target, sessionTimeoutMs: 5000 };
    const after = await getClient(changed);
    expect(after).not.toBe(before);
    expect(await after.exists("/sessions-test")).not.toBeNull();
    target = changed;
  });

  it("replaces an expired session with a new one on the next request", async () => {
    const t = targetFor("expiring");
    const client = await getClient(t);
    const { sessionId } = sessionStatus(t.id);
    // Expire the session for real (test/support/expire-session.ts).
    expect(await expireSession(t.id, zk.connectionString)).toBe(sessionId);

    await untilState(t.id, "expired");
    expect(sessionStatus(t.id).reason).toMatch(/expired/);
    const { error } = await rejectionOf(client.get("/sessions-test"));
    // A client held from before the expiry fails with a typed 503, not an untyped 500.
    expect(error).toMatchObject({ code: "INVALID_STATE", status: 503 });

    const fresh = await getClient(t);
    expect(fresh).not.toBe(client);
    expect(sessionStatus(t.id).state).toBe("connected");
    expect(sessionStatus(t.id).sessionId).not.toBe(sessionId);
    expect((await fresh.get("/sessions-test")).data.toString()).toBe("hello");
  });
});

describe("session manager, unreachable cluster", () => {
  const id = "unreachable";
  afterAll(async () => {
    closeSession(id);
    await sleep(50);
  });

  it("rejects with CLUSTER_UNAVAILABLE (503) after the session timeout instead of hanging", async () => {
    const [port] = await freePorts(1); // free now, and nobody listens on it
    const target = { id, connectionString: `127.0.0.1:${port}`, sessionTimeoutMs: 2000 };
    const { error, ms } = await rejectionOf(getClient(target));
    expect(error).toMatchObject({ code: "CLUSTER_UNAVAILABLE", status: 503 });
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(ms).toBeLessThan(10_000); // hang guard, not a performance assertion
    expect(sessionStatus(id).state).toBe("connecting");

    // A second attempt fails the same way rather than hanging on the dead handle.
    const again = await rejectionOf(getClient(target));
    expect(again.error).toMatchObject({ code: "CLUSTER_UNAVAILABLE", status: 503 });
    expect(again.ms).toBeLessThan(10_000);
  });

  it("stays quiet after the session is closed while a retry was pending", async () => {
    closeSession(id);
    expect(sessionStatus(id).state).toBe("idle");
    // Outlive the pending retry's timer: the event loop must keep turning.
    const t0 = Date.now();
    await sleep(2500);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe("session manager, 3-member ensemble", () => {
  let zk: LocalEnsemble;
  let target: SessionTarget;

  beforeAll(async () => {
    zk = await startEnsemble({ size: 3 });
    await waitServing(zk.members, 3);
    target = { id: "ensemble", connectionString: zk.connectionString, sessionTimeoutMs: 8000 };
    const client = await getClient(target);
    await client.create("/ensemble-test", Buffer.from("v1"), PERSISTENT);
  });
  afterAll(async () => {
    closeSession(target?.id ?? "ensemble");
    await sleep(50);
    await zk?.stopAll();
  });

  it("keeps the same session while each member in turn is stopped and restarted", async () => {
    const client = await getClient(target);
    const { sessionId } = sessionStatus(target.id);
    expect(sessionId).toBeTruthy();

    for (const member of zk.members) {
      await zk.stop(member.id);
      // Two members still form a quorum: the client reconnects to one of them.
      await untilState(target.id, "connected");
      expect((await eventually(() => client.get("/ensemble-test"))).data.toString()).toBe("v1");

      await zk.start(member.id);
      await waitServing(zk.members, 3);
      await untilState(target.id, "connected");
      expect((await eventually(() => client.get("/ensemble-test"))).data.toString()).toBe("v1");
      // A reconnect, not a new session: same id, same client from the manager.
      expect(sessionStatus(target.id).sessionId).toBe(sessionId);
      expect(await getClient(target)).toBe(client);
    }
    await client.set("/ensemble-test", Buffer.from("v2"), -1);
    expect((await client.get("/ensemble-test")).data.toString()).toBe("v2");
  });

  it("fails fast with a 503 while the whole ensemble is down, and recovers without closeSession", async () => {
    const client = await getClient(target);
    await zk.stopAll();
    await untilState(target.id, "connecting", 10_000);
    expect(sessionStatus(target.id).reason).toMatch(/reconnecting/);

    // Through the manager (how every request gets its client): a reconnect is waited for until the
    // session timeout after the loss (a leader election is over by then), then it is a 503...
    const viaManager = await rejectionOf(getClient(target).then((c) => c.get("/ensemble-test")));
    expect(viaManager.error).toMatchObject({ code: "CLUSTER_UNAVAILABLE", status: 503 });
    expect(viaManager.ms).toBeLessThan(target.sessionTimeoutMs + 2000);
    // ...and from then on refused at once, however many ask.
    const later = await Promise.all(Array.from({ length: 20 }, () => rejectionOf(getClient(target))));
    for (const r of later) expect(r.error).toMatchObject({ code: "CLUSTER_UNAVAILABLE", status: 503 });
    expect(Math.max(...later.map((r) => r.ms))).toBeLessThan(1000);

    // A call on a client held from before fails too (connection loss or time-out), bounded by the session timeout.
    const held = await rejectionOf(client.get("/ensemble-test"));
    expect(held.error.status).toBeGreaterThanOrEqual(503);
    expect(held.error.status).toBeLessThanOrEqual(504);
    expect(held.ms).toBeLessThan(target.sessionTimeoutMs + 2000);

    for (const m of zk.members) await zk.start(m.id);
    await waitServing(zk.members, 2);
    const recovered = await eventually(() => getClient(target), 30_000, 200);
    expect((await eventually(() => recovered.get("/ensemble-test"), 10_000)).data.toString()).toBe("v2");
    expect(sessionStatus(target.id).state).toBe("connected");
  });
});
