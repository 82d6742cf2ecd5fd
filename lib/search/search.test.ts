// Search against a real ZooKeeper holding 100,101 znodes, built once for the file (multi batches).
// Planted: names containing "needle", text and binary values containing it, a value that makes a
// backtracking regex engine take forever. About 40 s on the shared machine, most of it the corpus.
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "@/lib/clusters/registry";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import { fourLetterWord } from "@/lib/core/zk/four-letter";
import { GET } from "@/app/api/v1/clusters/[id]/search/route";
import { callRoute, grant, makeUser, sessionCookie, TEST_ORIGIN } from "@/test/support/auth";
import { ndjsonRows, plant, wideTree, type Row } from "@/test/support/corpus";
import { eventually } from "@/test/support/eventually";

const BRANCHES = 100;
const LEAVES = 1000;
const textPlants = new Set([17, 4_242, 3_001, 3_999, 55_555, 99_998]); // leaf numbers b*1000+l
const binaryPlants = new Set([12, 3_500, 77_777]);
const otherBinary = new Set([5, 3_007, 90_001]);
const leafPath = (n: number) => `/s/b${Math.floor(n / LEAVES)}/l${n % LEAVES}`;
const namePlants = ["/s/b3/needle-a", "/s/b40/xNEEDLEx", "/s/b99/hay-needle-hay"];

function value(b: number, l: number): Buffer {
  const n = b * LEAVES + l;
  if (textPlants.has(n)) return Buffer.from(JSON.stringify({ host: `db-${n}.Needle.example`, port: 5432 }));
  if (binaryPlants.has(n)) return Buffer.concat([Buffer.from([0, 1, 2, 0xff]), Buffer.from("needle"), randomBytes(8).map((c) => c & 0x7f)]);
  if (otherBinary.has(n)) return Buffer.from([0, 0xfe, 0xff, n & 0xff]);
  return Buffer.from(JSON.stringify({ b, l }));
}

describe("search over 100,000 znodes", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  let admin: string;
  const raw = () => getClient({ id: "search-raw", connectionString: zk.connectionString, sessionTimeoutMs: 10_000 });
  const search = async (query: Record<string, string>, userId = admin) => {
    const r = await callRoute(GET, "GET", `/api/v1/clusters/${clusterId}/search?${new URLSearchParams(query)}`, { id: clusterId }, { userId });
    // A one-row stream parses as plain JSON.
    const rows = r.status !== 200 ? [] : typeof r.json === "string" ? ndjsonRows(r.json) : [r.json as Row];
    return { status: r.status, rows, json: r.json };
  };
  const matches = (rows: Row[]) => rows.filter((r) => r.type === "match").map((r) => `${r.in}:${r.path}`).sort();

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    clusterId = (await createCluster({ name: `search-${Date.now()}`, connectionString: zk.connectionString })).id;
    const client = await raw();
    await plant(client, wideTree("/s", BRANCHES, LEAVES, value));
    await plant(client, [...namePlants.map((path) => ({ path })), { path: "/s/evil", data: Buffer.from("a".repeat(5000) + "!") }]);
    admin = (await makeUser("admin")).id;
  }, 300_000);
  afterAll(async () => {
    closeSession(clusterId);
    closeSession("search-raw");
    await zk.stopAll();
  });

  // The only whole-tree walks (the machine may be loaded: a walk can take a minute).
  it("finds exactly the planted names and values, binary ones byte for byte", { timeout: 300_000 }, async () => {
    const { rows } = await search({ path: "/s", q: "needle", maxMs: "300000", maxNodes: "200000" });
    const expected = [
      ...namePlants.map((p) => `name:${p}`),
      ...[...textPlants, ...binaryPlants].map((n) => `data:${leafPath(n)}`),
    ].sort();
    expect(matches(rows)).toEqual(expected);
    const done = rows.at(-1);
    expect(done).toMatchObject({ type: "done", visited: 1 + BRANCHES + BRANCHES * LEAVES + namePlants.length + 1, matches: expected.length, truncated: false });
    const text = rows.find((r) => r.type === "match" && r.path === leafPath(4_242))!;
    expect(text.snippet.slice(...text.highlight)).toBe("Needle");
    expect(rows.find((r) => r.path === leafPath(3_500))).toMatchObject({ binary: true, offset: 4 });
  });

  it("searches names only, and by regex skips binary values and says so", { timeout: 300_000 }, async () => {
    expect(matches((await search({ path: "/s", q: "needle", in: "name", maxMs: "300000", maxNodes: "200000" })).rows)).toEqual(namePlants.map((p) => `name:${p}`).sort());
    const { rows } = await search({ path: "/s/b3", q: "db-[0-9]+\\.needle|NEEDLE|(?i)NEEDLE-A", regex: "true" });
    expect(matches(rows)).toEqual([`name:/s/b3/needle-a`]); // RE2 is case-sensitive unless (?i)
    expect(rows.at(-1)).toMatchObject({ type: "done", skippedBinary: 2 }); // 3500 (needle in bytes) and 3007
  });

  it("shows a reader of /s/b3 only what lies under /s/b3, counts included", async () => {
    const reader = (await makeUser("none", { name: "b3-reader" })).id;
    await grant({ userId: reader }, "viewer", { clusterId, pathPrefix: "/s/b3" });
    const { rows } = await search({ path: "/s", q: "needle" }, reader);
    expect(matches(rows)).toEqual(["data:/s/b3/l1", "data:/s/b3/l500", "data:/s/b3/l999", "name:/s/b3/needle-a"]);
    expect(rows.at(-1)).toMatchObject({ type: "done", visited: 1 + LEAVES + 1, matches: 4, skippedBinary: 0 });
    const stranger = (await makeUser("none")).id;
    expect((await search({ path: "/s", q: "needle" }, stranger)).status).toBe(404);
    const elsewhere = (await makeUser("none", { name: "elsewhere" })).id;
    await grant({ userId: elsewhere }, "viewer", { clusterId, pathPrefix: "/other" });
    expect((await search({ path: "/s", q: "needle" }, elsewhere)).status).toBe(403);
  });

  it("refuses a bad pattern with a clear error and bounds a catastrophic one", async () => {
    const bad = await search({ path: "/s", q: "(unclosed", regex: "true" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/not a valid RE2 regular expression/);
    // (a+)+$ against 5,000 a's and a "!" takes a backtracking engine longer than the age of the universe.
    expect((await search({ path: "/s/evil", q: "(a+)+$", regex: "true" })).rows.at(-1)).toMatchObject({ type: "done", visited: 1, matches: 0 });
    // A whole-tree regex search given 100 ms stops there and says why.
    expect((await search({ path: "/s", q: "(a+)+$", regex: "true", maxMs: "100" })).rows.at(-1)).toMatchObject({ type: "done", truncated: true, stoppedBy: "time" });
    expect((await search({ path: "/s", q: "l", in: "name", limit: "10" })).rows.at(-1)).toMatchObject({ matches: 10, truncated: true, stoppedBy: "limit" });
    expect((await search({ path: "/s", q: "zzz", maxNodes: "500" })).rows.at(-1)).toMatchObject({ visited: 500, truncated: true, stoppedBy: "maxNodes" });
  });

  it("stops walking when the client goes away (requests counted by ZooKeeper itself)", async () => {
    const member = zk.members[0];
    const received = async () => Number(/Received: (\d+)/.exec(await fourLetterWord(member.host, member.clientPort, "srvr"))?.[1]);
    const before = await received();
    const abort = new AbortController();
    const req = new NextRequest(new URL(`/api/v1/clusters/${clusterId}/search?path=/s&q=zzz-nowhere`, TEST_ORIGIN), {
      headers: { cookie: await sessionCookie(admin), "sec-fetch-site": "same-origin" },
      signal: abort.signal,
    });
    const res = await GET(req, { params: Promise.resolve({ id: clusterId }) });
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes('"progress"')) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    await reader.cancel();
    // Settled: no more requests arrive (pings of idle sessions are a few a second).
    let last = await received();
    await eventually(async () => {
      const now = await received();
      const grew = now - last;
      last = now;
      expect(grew).toBeLessThan(10);
    }, 30_000, 1000);
    // A full walk costs two requests per node (get, and children of the branches): over 200,000.
    expect(last - before).toBeLessThan(100_000);
    expect(text).not.toContain('"done"');
  });
});
