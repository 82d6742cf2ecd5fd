// No change is lost across a member restart or a session expiry: viewers that only apply the
// events they get (and refetch on resync, like the browser) end up showing what ZooKeeper has.
// A real 3-member ensemble, real member restarts, a real forced session expiry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "../clusters/registry";
import { startEnsemble, waitServing, type LocalEnsemble } from "../ensemble/launcher";
import { expireSession } from "@/test/support/expire-session";
import type { ZkClient } from "@/lib/core/zk/client";
import { closeSession, getClient, sessionStatus } from "@/lib/core/zk/sessions";
import { dataWatchesBySession, hexSession, requestsReceived } from "@/test/watch/viewer-model";
import { openLiveViewer, viewersShow, type LiveViewer } from "@/test/watch/live-viewer";
import { configureWatchHub, resetWatchHubOptions } from ".";
import { eventually as retryUntil, sleep } from "@/test/support/eventually";

const eventually = <T>(fn: () => Promise<T> | T, timeoutMs = 45_000, everyMs = 200) => retryUntil(fn, timeoutMs, everyMs);

type Viewer = LiveViewer;

describe("watches survive member restarts and session expiry", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  const viewers: Viewer[] = [];
  const raw = () => getClient({ id: "recovery-raw", connectionString: zk.connectionString, sessionTimeoutMs: 20_000 });
  // Writes retry through leader elections; -1: the retry of a set that did land must not fail on its version.
  const write = (op: (c: ZkClient) => Promise<unknown>) => eventually(async () => op(await raw()), 30_000, 300);
  let kid = 0;

  async function change() {
    await write((c) => c.set("/rec/data", Buffer.from(`value-${++kid}`), -1));
    await write((c) => c.create(`/rec/kid-${kid}`, Buffer.from(""), 0).catch((e) => { if (e.code !== "NODE_EXISTS") throw e; }));
    if (kid > 1) await write((c) => c.delete(`/rec/kid-${kid - 1}`, -1).catch((e) => { if (e.code !== "NO_NODE") throw e; }));
  }

  /**
   * Every viewer shows what ZooKeeper has, and the hub is live again. Beyond the resync, the
   * final data version itself arrived as an event: the hub compared mzxid, it did not only say "reload".
   */
  async function viewersMatchZooKeeper() {
    const c = await raw();
    const version = (await c.exists("/rec/data"))!.version;
    const children = (await c.children("/rec")).children.sort();
    await viewersShow(clusterId, viewers, { version, children }, (v) =>
      expect(v.reader.events.some((e) => e.type === "dataChanged" && e.path === "/rec/data" && e.stat?.version === version)).toBe(true));
  }

  async function memberOfSession(): Promise<number> {
    const sid = hexSession(sessionStatus(clusterId).sessionId);
    return eventually(async () => {
      for (const m of zk.members) if ((await requestsReceived(m, sid).catch(() => null)) !== null) return m.id;
      throw new Error(`session ${sid} is on no member`);
    });
  }

  beforeAll(async () => {
    configureWatchHub({ lingerMs: 0, retryMinMs: 200, retryMaxMs: 2000 });
    zk = await startEnsemble({ size: 3 });
    await write((c) => c.create("/rec", Buffer.from(""), 0));
    await write((c) => c.create("/rec/data", Buffer.from("value-0"), 0));
    clusterId = (await createCluster({ name: `recovery-${Date.now()}`, connectionString: zk.connectionString, sessionTimeoutMs: 8000 })).id;
    for (let i = 0; i < 3; i++) viewers.push(await openLiveViewer(clusterId, "/rec", "/rec/data", raw));
  });
  afterAll(async () => {
    await Promise.all(viewers.map((v) => v.reader.cancel()));
    resetWatchHubOptions();
    for (const id of [clusterId, "recovery-raw"]) closeSession(id);
    await sleep(50);
    await zk?.stopAll();
  });

  it("delivers changes made while the session's member is down, restarting each member in turn", async () => {
    await change();
    await viewersMatchZooKeeper();
    const sessionId = sessionStatus(clusterId).sessionId;
    const first = await memberOfSession();
    const order = [first, ...zk.members.map((m) => m.id).filter((id) => id !== first)];
    for (const id of order) {
      await zk.stop(id);
      await change(); // while the console's client is (or was just) cut off
      await change();
      await zk.start(id);
      await waitServing(zk.members, 3);
      await viewersMatchZooKeeper();
    }
    // Same session throughout (the client reconnected), and the reconnects were reported.
    expect(sessionStatus(clusterId).sessionId).toBe(sessionId);
    expect(viewers[0].reader.events.some((e) => e.type === "state" && e.state === "reconnecting")).toBe(true);
    // Still exactly one data watch per path for the session, on whichever member holds it.
    const holder = await memberOfSession();
    const watches = await dataWatchesBySession(zk.members.find((m) => m.id === holder)!);
    expect(watches.get(hexSession(sessionId))?.sort()).toEqual(["/rec", "/rec/data"]);
  });

  it("delivers changes made while the session was expired, and watches again in the new session", async () => {
    const before = sessionStatus(clusterId).sessionId;
    const marks = viewers.map((v) => v.reader.events.length);
    await expireSession(clusterId, zk.connectionString);
    await change(); // the console has no session at this point, or a brand-new one without watches
    await change();
    await viewersMatchZooKeeper();
    const after = sessionStatus(clusterId).sessionId;
    expect(after).not.toBe(before);
    for (const [i, v] of viewers.entries()) {
      const since = v.reader.events.slice(marks[i]);
      expect(since.some((e) => e.type === "state" && e.state === "reconnecting")).toBe(true);
      expect(since.some((e) => e.type === "resync" && e.path === null)).toBe(true);
    }
    // The new session holds the watches: a later change arrives as a plain event.
    const mark = viewers[0].reader.events.length;
    await change();
    await viewers[0].reader.waitFor((e) => e.type === "dataChanged" && e.path === "/rec/data", { from: mark });
    await viewersMatchZooKeeper();
    const holder = await memberOfSession();
    const watches = await dataWatchesBySession(zk.members.find((m) => m.id === holder)!);
    expect(watches.get(hexSession(after))?.sort()).toEqual(["/rec", "/rec/data"]);
    expect(watches.has(hexSession(before))).toBe(false);
  });
});
