// Each cluster's session lives in its own process: a crashed or frozen session must not
// take down or stall the console, nor the sessions of other clusters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { eventually, sleep } from "@/test/support/eventually";
import { closeSession, getClient, onSessionEvent, sessionInternals, sessionStatus, type SessionEvent } from "./sessions";


describe("session process isolation", () => {
  let zk: LocalEnsemble;
  const target = (id: string) => ({ id, connectionString: zk.connectionString, sessionTimeoutMs: 6000 });

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    await (await getClient(target("iso-a"))).create("/iso", Buffer.from("ok"), 0);
  });
  afterAll(async () => {
    ["iso-a", "iso-b"].forEach(closeSession);
    await zk?.stopAll();
  });

  it("survives a session process that crashes: calls fail typed, the next request opens a new session", async () => {
    const a = await getClient(target("iso-a"));
    const b = await getClient(target("iso-b"));
    const events: SessionEvent[] = [];
    const off = onSessionEvent("iso-a", (e) => events.push(e));
    const before = sessionStatus("iso-a").sessionId;

    sessionInternals("iso-a")!.kill("SIGSEGV");
    await expect(a.get("/iso")).rejects.toMatchObject({ status: 503 });
    await sleep(100);
    expect(sessionStatus("iso-a")).toMatchObject({ state: "failed", reason: expect.stringMatching(/session process exited \(SIGSEGV\)/) });
    expect(events.at(-1)).toMatchObject({ kind: "ended" });

    // The other cluster never noticed.
    expect((await b.get("/iso")).data.toString()).toBe("ok");

    const again = await getClient(target("iso-a"));
    expect((await again.get("/iso")).data.toString()).toBe("ok");
    expect(sessionStatus("iso-a").sessionId).not.toBe(before);
    expect(events.at(-1)).toMatchObject({ kind: "connected", newSession: true });
    off();
  });

  it("keeps serving other clusters while one session process is frozen", async () => {
    const a = await getClient(target("iso-a"));
    const b = await getClient(target("iso-b"));
    sessionInternals("iso-a")!.kill("SIGSTOP");
    try {
      const stuck = a.get("/iso").then(() => ({ status: 200 }), (e) => ({ status: e.status as number, code: e.code as string }));
      // Reads on the other cluster go on; the frozen one is bounded by its session timeout.
      for (let i = 0; i < 20; i++) expect((await b.get("/iso")).data.toString()).toBe("ok");
      // Timed out by the console (504), or lost when the frozen process fell behind (503).
      expect([503, 504]).toContain((await stuck).status);
    } finally {
      sessionInternals("iso-a")?.kill("SIGCONT");
    }
    // Frozen past its timeout, the session may have expired on the server: the console replaces it.
    expect(await eventually(async () => (await (await getClient(target("iso-a"))).get("/iso")).data.toString(), 20_000, 200)).toBe("ok");
  });
});
