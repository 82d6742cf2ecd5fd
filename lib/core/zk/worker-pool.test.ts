// The sessions of all clusters live in a small pool of worker processes (two by default), clusters
// assigned by hash: a crashed worker takes down only the clusters it hosts, a frozen session
// stalls no other, and the worker is found from its module's location whatever the working directory.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { eventually } from "@/test/support/eventually";
import { closeSession, getClient, onSessionEvent, sessionInternals, sessionStatus, type SessionEvent } from "./sessions";
import { poolSize, workerIndexOf } from "./worker-pool";

/** Cluster ids hashed to worker `index`, `n` of them. */
const idsOn = (index: number, n: number) => {
  const ids: string[] = [];
  for (let i = 0; ids.length < n; i++) if (workerIndexOf(`pool-${i}`) === index) ids.push(`pool-${i}`);
  return ids;
};

describe("session worker pool", () => {
  let zk: LocalEnsemble;
  const [a1, a2] = idsOn(0, 2);
  const [b] = idsOn(1, 1);
  const all = [a1, a2, b];
  const target = (id: string) => ({ id, connectionString: zk.connectionString, sessionTimeoutMs: 6000 });
  const read = async (id: string) => (await (await getClient(target(id))).get("/pool")).data.toString();

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    await (await getClient(target(a1))).create("/pool", Buffer.from("ok"), 0);
  });
  afterAll(async () => {
    all.forEach(closeSession);
    await zk?.stopAll();
  });

  it("hosts many clusters' sessions in the pool's two worker processes", async () => {
    expect(poolSize()).toBe(2);
    const more = [...idsOn(0, 4), ...idsOn(1, 4)];
    try {
      expect(await Promise.all(more.map(read))).toEqual(more.map(() => "ok"));
      const pids = new Set(more.map((id) => sessionInternals(id)!.workerPid));
      expect(pids.size).toBe(2);
      expect(more.map((id) => sessionInternals(id)!.workerIndex)).toEqual(more.map(workerIndexOf));
    } finally {
      more.filter((id) => !all.includes(id)).forEach(closeSession);
    }
  });

  it("carries binary data both ways as Buffers", async () => {
    const client = await getClient(target(a1));
    const bytes = Buffer.from([0, 255, 128, 10, 0xc3, 0x28]);
    await client.create("/pool-binary", bytes, 0);
    const got = await client.get("/pool-binary");
    expect(Buffer.isBuffer(got.data)).toBe(true);
    expect(got.data.equals(bytes)).toBe(true);
    await client.delete("/pool-binary", 0);
  });

  it("a crashed worker ends only its clusters' sessions: calls fail with a typed 503, the next request starts a new worker", async () => {
    await Promise.all(all.map(read));
    const before = Object.fromEntries(all.map((id) => [id, sessionInternals(id)!]));
    expect(before[a1].workerPid).toBe(before[a2].workerPid);
    expect(before[b].workerPid).not.toBe(before[a1].workerPid);
    const events: SessionEvent[] = [];
    const off = onSessionEvent(a2, (e) => events.push(e));
    const oldA1 = await getClient(target(a1));
    // b holds a watch across the crash of the other worker.
    const bWatch = new Promise((resolve) => void getClient(target(b)).then((c) => c.existsWatched("/pool-created-later", resolve)));
    await eventually(() => expect(sessionInternals(b)).toBeTruthy());
    // A call in flight when the worker dies: held by a frozen session, so surely unanswered.
    before[a1].kill("SIGSTOP");
    const inFlight = oldA1.get("/pool").then(() => null, (e) => e);

    before[a1].kill("SIGKILL");

    expect(await inFlight).toMatchObject({ code: "CLUSTER_UNAVAILABLE", rc: -4, status: 503, local: "process" }); // a read: an outage, never "may have been applied"
    await expect(oldA1.get("/pool")).rejects.toMatchObject({ status: 503 });
    await eventually(() => expect(sessionStatus(a2)).toMatchObject({ state: "failed", reason: expect.stringMatching(/session worker exited \(SIGKILL\)/) }));
    expect(events.at(-1)).toMatchObject({ kind: "ended" });

    // The other worker's cluster never noticed: same session, its watch still armed.
    expect(await read(b)).toBe("ok");
    expect(sessionInternals(b)).toMatchObject({ sessionId: before[b].sessionId, workerPid: before[b].workerPid });
    await (await getClient(target(b))).create("/pool-created-later", Buffer.alloc(0), 0);
    expect(await bWatch).toEqual({ type: "created", path: "/pool-created-later" });

    // Both clusters of the dead worker come back, in one new worker, with new sessions.
    expect([await read(a1), await read(a2)]).toEqual(["ok", "ok"]);
    const after = [sessionInternals(a1)!, sessionInternals(a2)!];
    expect(after[0].workerPid).toBe(after[1].workerPid);
    expect(after[0].workerPid).not.toBe(before[a1].workerPid);
    expect(after.map((s) => s.sessionId)).not.toContain(before[a1].sessionId);
    expect(events.at(-1)).toMatchObject({ kind: "connected", newSession: true });
    off();
  });

  it("a frozen session stalls no other, in its worker or the other; its calls end at their deadline", async () => {
    await Promise.all(all.map(read));
    const a1Client = await getClient(target(a1));
    sessionInternals(a1)!.kill("SIGSTOP");
    try {
      const stuck = a1Client.get("/pool").then(() => null, (e) => e);
      for (let i = 0; i < 20; i++) expect([await read(a2), await read(b)]).toEqual(["ok", "ok"]);
      // Bounded by the call deadline (the session timeout), not by the frozen session.
      expect(await stuck).toMatchObject({ code: "OPERATION_TIMEOUT", status: 504, local: "timeout" });
    } finally {
      sessionInternals(a1)?.kill("SIGCONT");
    }
    // Frozen past its timeout, the session may have expired on the server: the console replaces it.
    expect(await eventually(() => read(a1), 20_000, 200)).toBe("ok");
  });

  it("finds the worker from its own location, from another working directory", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zkc-pool-cwd-"));
    try {
      const script = path.join(dir, "read.ts");
      fs.writeFileSync(script, [
        `import { closeSession, getClient } from ${JSON.stringify(path.resolve(__dirname, "sessions.ts"))};`,
        `void (async () => {`,
        `  const c = await getClient({ id: "elsewhere", connectionString: ${JSON.stringify(zk.connectionString)}, sessionTimeoutMs: 6000 });`,
        `  console.log((await c.get("/pool")).data.toString());`,
        `  closeSession("elsewhere");`,
        `  process.exit(0);`,
        `})();`,
      ].join("\n"));
      const tsx = path.resolve(__dirname, "..", "..", "..", "node_modules", ".bin", "tsx");
      const { stdout } = await promisify(execFile)(tsx, [script], { cwd: dir, env: { ...process.env, ZK_SESSION_WORKER: "", LOG_LEVEL: "silent" }, timeout: 60_000 });
      expect(stdout.trim()).toBe("ok");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
