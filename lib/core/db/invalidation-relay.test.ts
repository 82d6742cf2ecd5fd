// The PostgreSQL transport of the invalidation bus, against the suite's real server: another
// instance's NOTIFY reaches this instance's caches (its own and malformed ones do not), a local
// invalidation is sent to the others, and a lost listening connection flushes every cache and
// listens again.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshPostgresDatabase, suitePostgres } from "@/test/support/postgres";
import { eventually } from "@/test/support/eventually";
import { invalidate, onInvalidate } from "../invalidation";
import { instanceId } from "../instance";
import { INVALIDATION_CHANNEL, startInvalidationRelay, type InvalidationRelay } from "./invalidation-relay";

describe("the invalidation relay on PostgreSQL (LISTEN/NOTIFY)", () => {
  let url: string;
  let relay: InvalidationRelay;
  let other: pg.Client; // another instance, as the database sees it
  const heard: string[] = [];
  const offs: (() => void)[] = [];
  const received: string[] = [];

  beforeAll(async () => {
    url = await freshPostgresDatabase("invalidation_relay");
    for (const kind of ["grant", "user"] as const) offs.push(onInvalidate(kind, (id) => heard.push(`${kind} ${id ?? "*"}`)));
    relay = startInvalidationRelay(url);
    other = new pg.Client({ connectionString: url });
    await other.connect();
    other.on("notification", (n) => received.push(n.payload ?? ""));
    await other.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    await eventually(() => expect(relay.listening()).toBe(true));
  });
  afterAll(async () => {
    offs.forEach((off) => off());
    await relay?.stop();
    await other?.end();
  });

  const notify = (payload: unknown) => other.query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, typeof payload === "string" ? payload : JSON.stringify(payload)]);

  it("delivers another instance's change here; ignores its own and malformed messages", async () => {
    heard.length = 0;
    await notify({ from: instanceId(), kind: "grant", id: "mine" });
    await notify("{not json");
    await notify({ from: "instance-b", kind: "nonsense", id: "x" });
    await notify({ from: "instance-b", kind: "grant", id: "g1" });
    await eventually(() => expect(heard).toContain("grant g1"));
    expect(heard).toEqual(["grant g1"]);
  });

  it("sends every local invalidation to the others, naming this instance", async () => {
    received.length = 0;
    invalidate("user", "u42");
    await eventually(() => expect(received.map((p) => JSON.parse(p))).toEqual([{ from: instanceId(), kind: "user", id: "u42" }]));
  });

  it("a lost listening connection flushes every cache, and once listening again flushes once more and delivers", async () => {
    heard.length = 0;
    const [{ n }] = await suitePostgres().query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = 'zk-console-listen' AND datname = '${new URL(url).pathname.slice(1)}'`,
    );
    expect(n).toBe(1);
    await eventually(() => expect(heard).toContain("grant *"));
    await eventually(() => expect(relay.listening()).toBe(true));
    heard.length = 0;
    await notify({ from: "instance-b", kind: "user", id: "u7" });
    await eventually(() => expect(heard).toContain("user u7"));
  });
});
