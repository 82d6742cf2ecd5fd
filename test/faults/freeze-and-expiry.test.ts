// FAULT (long, ~45 s): the member holding the console's session is frozen (SIGSTOP) past the
// session timeout and resumed; then the console's session is expired for real. Live viewers come
// back and show what ZooKeeper has, edits in flight end applied-as-reported or not at all (no
// stale value lands later), and an edit prepared before the fault still needs its version: it
// gets a conflict because the node changed meanwhile.
import ZooKeeper from "zookeeper";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "../../lib/clusters/registry";
import { startEnsemble, waitServing, type LocalEnsemble } from "../../lib/ensemble/launcher";
import { actorCtx } from "../support/actors";
import { dataWatchesBySession, hexSession } from "../watch/viewer-model";
import { openLiveViewer, viewersShow, type LiveViewer } from "../watch/live-viewer";
import { configureWatchHub, resetWatchHubOptions } from "../../lib/watch";
import { closeSession, sessionInternals, sessionStatus } from "../../lib/core/zk/sessions";
import { getNode, setData } from "../../lib/znodes";
import { reconcile, tokensOf, type Edit } from "./append-edits";
import { eventually, memberOfSession, rawClient, sleep, timed } from "./support";
import type { ZkClient } from "../../lib/core/zk/client";

type Viewer = LiveViewer;

describe("a frozen member and an expired session", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  const viewers: Viewer[] = [];
  // The viewers' own refetches (a browser refetches through the console, whose session has left a
  // frozen member). A reader session stuck on the frozen member would only test this test.
  let readThrough: () => Promise<ZkClient>;
  const edits: Edit[] = [];
  const read = (path: string) => getNode({ ctx: actorCtx("viewer"), clusterId, input: { path } });

  /** An operator's save of `path` (append a token) at `version`, recorded like the edit stream's. */
  async function save(path: string, token: string, value: string, version: number): Promise<Edit> {
    const ctx = actorCtx("editor");
    const edit: Edit = { path, token, requestId: ctx.requestId, version, status: "ok", at: Date.now() };
    const r = await timed(setData({ ctx, clusterId, path, input: { data: `${value}|${token}`, version } }));
    if (!r.ok) Object.assign(edit, { status: r.error.code === "OUTCOME_UNKNOWN" ? "unknown" : "failed", code: r.error.code, message: r.error.message });
    edits.push(edit);
    return edit;
  }

  /** Every viewer shows ZooKeeper's version of /frz/data and children of /frz, and the hub is live. */
  async function viewersMatch(raw: ReturnType<typeof rawClient>) {
    const version = (await raw.read("/frz/data")).stat.version;
    const children = (await (await raw.client()).children("/frz")).children.sort();
    await viewersShow(clusterId, viewers, { version, children });
  }

  beforeAll(async () => {
    configureWatchHub({ lingerMs: 0, retryMinMs: 200, retryMaxMs: 2000 });
    zk = await startEnsemble({ size: 3, tickTime: 1000 });
    await waitServing(zk.members, 3);
    const raw = rawClient(zk, "freeze-setup");
    const c = await raw.client();
    await c.create("/frz", Buffer.alloc(0), 0);
    await c.create("/frz/data", Buffer.alloc(0), 0);
    clusterId = (await createCluster({ name: `freeze-${Date.now()}`, connectionString: zk.connectionString, sessionTimeoutMs: 6000 })).id;
    readThrough = () => raw.client();
    for (let i = 0; i < 3; i++) viewers.push(await openLiveViewer(clusterId, "/frz", "/frz/data", () => readThrough()));
  });
  afterAll(async () => {
    await Promise.all(viewers.map((v) => v.reader.cancel()));
    resetWatchHubOptions();
    for (const id of [clusterId, "freeze-setup", "freeze-others", "freeze-raw"]) if (id) closeSession(id);
    await sleep(50);
    await zk?.stopAll();
  });

  it("freezing the session's member past the session timeout: viewers resync, the in-flight edit is as reported, a stale edit conflicts", async () => {
    const frozen = await memberOfSession(zk, clusterId);
    const others = rawClient(zk, "freeze-others", zk.members.filter((m) => m.id !== frozen.id));
    readThrough = () => others.client();
    const before = await read("/frz/data"); // an operator opens the editor before the fault
    zk.signal(frozen.id, "SIGSTOP");
    try {
      // Saved right into the freeze: its request waits on the frozen member.
      const inFlight = save("/frz/data", "in-flight", before.data.text ?? "", before.stat.version);
      // Meanwhile another client changes the tree through the live members.
      const c = await others.client();
      await eventually(() => c.create("/frz/kid-1", Buffer.alloc(0), 0).catch((e) => { if (e.code !== "NODE_EXISTS") throw e; }));
      await sleep(7000); // past the session timeout
      const edit = await inFlight;
      expect(["ok", "failed", "unknown"]).toContain(edit.status);
      await eventually(async () => {
        const now = await c.get("/frz/data");
        await c.set("/frz/data", Buffer.from(`${now.data.toString()}|other-1`), now.stat.version);
      });
    } finally {
      zk.signal(frozen.id, "SIGCONT");
    }
    await waitServing(zk.members, 3);
    await viewersMatch(others);
    expect(sessionStatus(clusterId).state).toBe("connected");

    // The operator's edit from before the freeze: the node changed meanwhile, so it is refused.
    const stale = await save("/frz/data", "stale-1", before.data.text ?? "", before.stat.version);
    expect(stale).toMatchObject({ status: "failed", code: "BAD_VERSION" });
    // Nothing the frozen member still held lands later.
    await sleep(3000);
    const final = await others.read("/frz/data");
    expect(tokensOf(final.data.toString())).not.toContain("stale-1");
    const r = await reconcile(edits, new Map([["/frz/data", { value: final.data.toString(), version: final.stat.version }]]), ["other-1"]);
    console.log(`[freeze] the edit saved into the freeze: ${edits[0].status} ${edits[0].code ?? ""} ${edits[0].message ?? ""}`);
    expect(r.problems).toEqual([]);
    expect(tokensOf(final.data.toString())).toContain("other-1");
    readThrough = () => rawClient(zk, "freeze-setup").client();
    closeSession("freeze-others");
  }, 90_000);

  it("an expired session: viewers resync on the new session's watches, an edit pending across the expiry conflicts, none lands stale", async () => {
    const raw = rawClient(zk, "freeze-raw");
    const before = await read("/frz/data");
    const oldSession = sessionStatus(clusterId).sessionId!;
    const marks = viewers.map((v) => v.reader.events.length);
    const internals = sessionInternals(clusterId)!;

    // Expire it for real (like test/support/expire-session.ts), with a save sent into the frozen session.
    internals.kill("SIGSTOP");
    let pending: Promise<Edit> | null = null;
    try {
      pending = save("/frz/data", "across-expiry", before.data.text ?? "", before.stat.version);
      const thief = new ZooKeeper({ connect: zk.connectionString, timeout: 10_000, client_id: internals.sessionId, client_password: internals.password, debug_level: ZooKeeper.constants.ZOO_LOG_LEVEL_ERROR });
      await new Promise<void>((resolve) => { thief.once("connect", () => { thief.close(); resolve(); }); thief.init({}); });
      const c = await raw.client();
      const now = await c.get("/frz/data");
      await c.set("/frz/data", Buffer.from(`${now.data.toString()}|other-2`), now.stat.version);
      await c.create("/frz/kid-2", Buffer.alloc(0), 0);
    } finally {
      internals.kill("SIGCONT");
    }
    const acrossExpiry = await pending!;
    // Sent before the expiry to a session that is gone: refused, never applied.
    expect(acrossExpiry.status).toBe("failed");

    await viewersMatch(raw);
    const newSession = sessionStatus(clusterId).sessionId!;
    expect(newSession).not.toBe(oldSession);
    for (const [i, v] of viewers.entries()) {
      const since = v.reader.events.slice(marks[i]);
      expect(since.some((e) => e.type === "state" && e.state === "reconnecting")).toBe(true);
      expect(since.some((e) => e.type === "resync")).toBe(true);
    }
    // The watches are the new session's, on the member that holds it; the expired session's are gone.
    const holder = await memberOfSession(zk, clusterId);
    const watches = await dataWatchesBySession(holder);
    expect(watches.get(hexSession(newSession))?.sort()).toEqual(["/frz", "/frz/data"]);
    for (const m of zk.members) expect((await dataWatchesBySession(m)).has(hexSession(oldSession))).toBe(false);

    // The operator who opened the node before the expiry: a conflict, not a stale overwrite.
    const stale = await save("/frz/data", "stale-2", before.data.text ?? "", before.stat.version);
    expect(stale).toMatchObject({ status: "failed", code: "BAD_VERSION" });
    // And a fresh edit goes through on the new session.
    const fresh = await read("/frz/data");
    expect(await save("/frz/data", "fresh", fresh.data.text ?? "", fresh.stat.version)).toMatchObject({ status: "ok" });

    await sleep(2000);
    const final = await raw.read("/frz/data");
    const tokens = tokensOf(final.data.toString());
    expect(tokens).not.toContain("across-expiry");
    expect(tokens).not.toContain("stale-2");
    expect(tokens.slice(-2)).toEqual(["other-2", "fresh"]);
    const r = await reconcile(edits, new Map([["/frz/data", { value: final.data.toString(), version: final.stat.version }]]), ["other-1", "other-2"]);
    console.log(`[expiry] the edit sent into the expiring session: ${acrossExpiry.code} ${acrossExpiry.message}`);
    expect(r.problems).toEqual([]);
  }, 90_000);
});
