// Soak: over a thousand live streams opened, read and closed (each watching an existing znode and four
// missing ones) and a thousand reads, in a process of their own with a forced GC: the retained
// heap must not grow with them (a stream used to leave about 35 KB behind), and ZooKeeper must hold
// no watch of theirs afterwards (wchs, asked while the session is still open).
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "@/lib/clusters/registry";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";

const CYCLES = Number(process.env.SOAK_CYCLES ?? 1200);
const READS = Number(process.env.SOAK_READS ?? 1000);

describe("live stream soak", () => {
  let zk: LocalEnsemble;
  let clusterId: string;

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    const raw = await getClient({ id: "soak-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000 });
    await raw.create("/soak", Buffer.from("soak"), 0);
    closeSession("soak-raw");
    clusterId = (await createCluster({ name: `soak-${Date.now()}`, connectionString: zk.connectionString })).id;
  });
  afterAll(() => zk?.stopAll());

  it(`retains no heap per stream after ${CYCLES} open/close cycles and ${READS} reads, and leaves no watch`, () => {
    const child = spawnSync(process.execPath, ["--expose-gc", "--conditions=react-server", "--import", "tsx", "test/limits/stream-soak-child.ts", clusterId, String(CYCLES), String(READS), `${zk.members[0].host}:${zk.members[0].clientPort}`], {
      env: { ...process.env, LOG_LEVEL: "warn" }, encoding: "utf8", timeout: 240_000,
    });
    expect(child.status, child.stderr.slice(-2000)).toBe(0);
    const r = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { before: number; after: number; cycles: number; seconds: number; hubLeft: boolean; watches: number | null };
    const growth = r.after - r.before;
    console.log(`[soak] ${r.cycles} streams + ${READS} reads in ${r.seconds} s: retained heap ${(r.before / 2 ** 20).toFixed(1)} → ${(r.after / 2 ** 20).toFixed(1)} MiB (${(growth / r.cycles).toFixed(0)} bytes per stream)`);
    expect(r.hubLeft, "the hub closed once its viewers left").toBe(false);
    expect(r.watches, "watches ZooKeeper still holds for the console's session (wchs)").toBe(0);
    // A stream of these five paths used to keep about 8 KB (35 KB with 50 paths); what is left is
    // the noise of a warm heap, well under a kilobyte per stream.
    expect(growth / r.cycles, `grew ${growth} bytes`).toBeLessThan(2048);
  }, 300_000);
});
