// Leader election through PostgreSQL (the health sampler's): of two candidates exactly one leads;
// when the leader's connection is lost it stops leading and the other takes over; SQLite always leads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshPostgresDatabase, suitePostgres } from "@/test/support/postgres";
import { eventually } from "@/test/support/eventually";
import { electLeader, type Leadership } from "./leadership";

describe("leader election through an advisory lock", () => {
  let url: string;
  const candidates: Leadership[] = [];
  beforeAll(async () => {
    url = await freshPostgresDatabase("leadership");
  });
  afterAll(() => Promise.all(candidates.map((c) => c.stop())));

  it("one of two leads; its connection lost, the other takes over and the first stays a follower", async () => {
    let led = 0;
    const a = electLeader("test-role", { retryMs: 200, url, onLead: () => led++ });
    candidates.push(a);
    await eventually(() => expect(a.isLeader()).toBe(true));
    const b = electLeader("test-role", { retryMs: 200, url, onLead: () => led++ });
    candidates.push(b);
    await new Promise((r) => setTimeout(r, 600)); // three of b's tries
    expect([a.isLeader(), b.isLeader(), led]).toEqual([true, false, 1]);

    const [{ n }] = await suitePostgres().query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = 'zk-console-lead:test-role' AND datname = '${new URL(url).pathname.slice(1)}' AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)`,
    );
    expect(n).toBe(1);
    await eventually(() => expect([a.isLeader(), b.isLeader()]).toEqual([false, true]));
    await new Promise((r) => setTimeout(r, 600));
    expect([a.isLeader(), b.isLeader(), led]).toEqual([false, true, 2]);
  });

  it("on SQLite the one console always leads", () => {
    expect(electLeader("test-role", { retryMs: 200, url: "file:/tmp/none.db" }).isLeader()).toBe(true);
  });
});
