import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fourLetterWord } from "@/lib/core/zk/four-letter";
import { modeOf, startEnsemble, type LocalEnsemble } from "./launcher";

describe("local ensemble launcher (real ZooKeeper)", () => {
  let ensemble: LocalEnsemble;

  beforeAll(async () => {
    ensemble = await startEnsemble({ size: 3 });
  });
  afterAll(async () => {
    await ensemble?.stopAll();
  });

  it("starts three members on distinct loopback client ports listed in the connection string", () => {
    expect(ensemble.members.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(new Set(ensemble.members.map((m) => m.clientPort)).size).toBe(3);
    expect(ensemble.connectionString).toBe(ensemble.members.map((m) => `127.0.0.1:${m.clientPort}`).join(","));
    for (const m of ensemble.members) expect(m.process?.pid).toBeGreaterThan(0);
  });

  it("elects exactly one leader; the other two follow", async () => {
    // waitServing returns once a quorum serves; give the last member time to join.
    let modes: (string | null)[] = [];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      modes = await Promise.all(ensemble.members.map(modeOf));
      if (modes.every((m) => m !== null)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(modes.filter((m) => m === "leader")).toHaveLength(1);
    expect(modes.filter((m) => m === "follower")).toHaveLength(2);
  });

  it("answers ruok with imok on every member", async () => {
    for (const m of ensemble.members) {
      expect(await fourLetterWord(m.host, m.clientPort, "ruok")).toBe("imok");
    }
  });

  it("stops a member (its port stops answering) and starts it again (it rejoins as a follower or leader)", async () => {
    const m = ensemble.members[0];
    await ensemble.stop(m.id);
    expect(m.process).toBeNull();
    expect(await modeOf(m)).toBeNull();
    await ensemble.start(m.id);
    let mode: string | null = null;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !mode) {
      mode = await modeOf(m);
      if (!mode) await new Promise((r) => setTimeout(r, 250));
    }
    expect(["leader", "follower"]).toContain(mode);
    const modes = await Promise.all(ensemble.members.map(modeOf));
    expect(modes.filter((x) => x === "leader")).toHaveLength(1);
  });
});
