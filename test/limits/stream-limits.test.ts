// Live streams are bounded per user and for the whole console (streams and watched znodes, each
// from the environment), refused with a 429 that names the limit before any watch is set, and
// given back when they close. The abuse run: one user opens as many 50-path streams of missing
// znodes as it can; afterwards ZooKeeper holds none of their watches (wchs), and the process's
// descriptors and RSS are back where they were.
import fs from "node:fs";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/v1/clusters/[id]/events/route";
import { createCluster } from "@/lib/clusters/registry";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { fourLetterWord } from "@/lib/core/zk/four-letter";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import { parseWchs } from "@/lib/health/parse-wchs";
import { assertAuthConfig } from "@/lib/auth/config-check";
import { configureWatchHub, existingHub, resetWatchHubOptions } from "@/lib/watch";
import { openStreams } from "@/lib/watch/stream-limits";
import { eventually } from "@/test/support/eventually";
import { makeUser, sessionCookie, TEST_ORIGIN } from "@/test/support/auth";

const LIMIT_ENV = ["LIVE_STREAMS_PER_USER", "LIVE_STREAMS_MAX", "LIVE_PATHS_PER_USER", "LIVE_WATCHED_PATHS_MAX"];

describe("live stream limits", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  const users: string[] = [];
  const open: { abort: AbortController; res: Response }[] = [];

  async function stream(userId: string, paths: string[]) {
    const abort = new AbortController();
    const query = paths.map((p) => `path=${encodeURIComponent(p)}`).join("&");
    const req = new NextRequest(new URL(`/api/v1/clusters/${clusterId}/events?${query}`, TEST_ORIGIN), {
      headers: { accept: "text/event-stream", "sec-fetch-site": "same-origin", cookie: await sessionCookie(userId) },
      signal: abort.signal,
    });
    const res = await eventsRoute.GET(req, { params: Promise.resolve({ id: clusterId }) });
    if (res.status === 200) open.push({ abort, res });
    return res;
  }
  const refusal = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string; message: string } }).error });
  const missing = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `/abuse/missing-${tag}-${i}`);
  async function closeAll() {
    for (const s of open.splice(0)) {
      s.abort.abort();
      await s.res.body?.cancel().catch(() => {});
    }
  }
  const watchesOnServer = async () => parseWchs(await fourLetterWord(zk.members[0].host, zk.members[0].clientPort, "wchs"))!.watches;

  beforeAll(async () => {
    configureWatchHub({ lingerMs: 0 });
    zk = await startEnsemble({ size: 1 });
    const raw = await getClient({ id: "limits-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000 });
    await raw.create("/abuse", Buffer.from(""), 0);
    closeSession("limits-raw");
    clusterId = (await createCluster({ name: `limits-${Date.now()}`, connectionString: zk.connectionString })).id;
    for (let i = 0; i < 3; i++) users.push((await makeUser("viewer")).id);
  });
  afterEach(async () => {
    await closeAll();
    for (const k of LIMIT_ENV) delete process.env[k];
  });
  afterAll(async () => {
    resetWatchHubOptions();
    closeSession(clusterId);
    await zk?.stopAll();
  });

  it("stops the console at start on a limit that is not a whole number of at least 1", () => {
    for (const bad of ["0", "-3", "ten", "1.5"]) {
      expect(() => assertAuthConfig({ ...process.env, LIVE_STREAMS_PER_USER: bad })).toThrow(/LIVE_STREAMS_PER_USER must be a whole number of at least 1/);
    }
    expect(() => assertAuthConfig({ ...process.env, LIVE_WATCHED_PATHS_MAX: "50000" })).not.toThrow();
  });

  it("refuses a user's stream past LIVE_STREAMS_PER_USER with a 429 naming the limit, and gives the slot back on close", async () => {
    process.env.LIVE_STREAMS_PER_USER = "3";
    for (let i = 0; i < 3; i++) expect((await stream(users[0], ["/abuse"])).status).toBe(200);
    const refused = await refusal(await stream(users[0], ["/abuse"]));
    expect(refused).toMatchObject({ status: 429, code: "TOO_MANY_STREAMS", message: expect.stringMatching(/you have 3 live streams open \(the limit is 3, LIVE_STREAMS_PER_USER\)/) });
    // Another user is not held back by the first one's streams.
    expect((await stream(users[1], ["/abuse"])).status).toBe(200);
    const first = open[0];
    // Closed as a departing client closes it: the request aborted and the body cancelled. (The
    // abort alone may never arrive: undici forwards it to the Request's own signal through a
    // WeakRef, which garbage collection can clear.)
    first.abort.abort();
    await first.res.body?.cancel();
    await expect.poll(() => openStreams().users.get(users[0])?.streams).toBe(2);
    expect((await stream(users[0], ["/abuse"])).status).toBe(200);
  });

  it("bounds the znodes one user watches (LIVE_PATHS_PER_USER), all streams (LIVE_STREAMS_MAX) and all watched znodes (LIVE_WATCHED_PATHS_MAX)", async () => {
    process.env.LIVE_PATHS_PER_USER = "60";
    expect((await stream(users[0], missing("a", 50))).status).toBe(200);
    expect(await refusal(await stream(users[0], missing("b", 11)))).toMatchObject({ status: 429, message: expect.stringMatching(/your open live streams watch 50 znodes and this one adds 11 \(the limit is 60, LIVE_PATHS_PER_USER\)/) });
    await closeAll();

    process.env.LIVE_STREAMS_MAX = "2";
    expect((await stream(users[0], ["/abuse"])).status).toBe(200);
    expect((await stream(users[1], ["/abuse"])).status).toBe(200);
    expect(await refusal(await stream(users[2], ["/abuse"]))).toMatchObject({ status: 429, message: expect.stringMatching(/the console serves 2 live streams already \(the limit is 2, LIVE_STREAMS_MAX\)/) });
    await closeAll();
    delete process.env.LIVE_STREAMS_MAX;

    process.env.LIVE_WATCHED_PATHS_MAX = "30";
    expect((await stream(users[0], missing("c", 20))).status).toBe(200);
    // A path some hub already watches costs nothing more.
    expect((await stream(users[1], missing("c", 20))).status).toBe(200);
    expect(await refusal(await stream(users[2], missing("d", 11)))).toMatchObject({ status: 429, message: expect.stringMatching(/the console watches 20 znodes already and this stream adds 11 \(the limit is 30, LIVE_WATCHED_PATHS_MAX\)/) });
    expect(existingHub(clusterId)?.watchedPaths).toHaveLength(20);
  });

  it("abuse: as many 50-path streams of missing znodes as one user may open leave no watch, descriptor or memory behind", async () => {
    process.env.LIVE_STREAMS_PER_USER = "10";
    await eventually(async () => expect(await watchesOnServer()).toBe(0));
    const fds = () => fs.readdirSync("/proc/self/fd").length;
    const before = { rss: process.memoryUsage().rss, fds: fds() };
    let refused = 0;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 15; i++) {
        const res = await stream(users[0], missing(`r${round}s${i}`, 50));
        if (res.status === 429) refused++;
        else expect(res.status).toBe(200);
      }
      // Every admitted path is watched on the server (an existence watch on each missing node).
      await eventually(async () => expect(await watchesOnServer()).toBe(500), 30_000);
      await closeAll();
      await eventually(async () => expect(await watchesOnServer()).toBe(0), 30_000);
    }
    expect(refused).toBe(15);
    expect(openStreams().streams).toBe(0);
    await eventually(() => expect(existingHub(clusterId)).toBeUndefined());
    expect(fds()).toBeLessThanOrEqual(before.fds + 2);
    // Generous: RSS moves with the allocator; the reported leak grew it by hundreds of MB.
    expect(process.memoryUsage().rss - before.rss).toBeLessThan(64 * 2 ** 20);
  }, 120_000);
});
