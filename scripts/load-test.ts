// Load test: 200 API readers, 50 live (SSE) viewers and 5 writers against the real built console
// over HTTP, with a 3-member ZooKeeper ensemble on loopback, for LOAD_SECONDS (60). Reports
// latency percentiles, errors (version conflicts between the writers are expected), server RSS
// at start/end, and afterwards checks every member for leaked sessions and watches.
//
//   NEXT_DIST_DIR=.next-faults npm run test:load          (LOAD_SECONDS=10 for a short run)
//
// Exit code 1 when there were unexpected errors, a viewer stream dropped, or sessions/watches leaked.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEnsemble, type LocalEnsemble } from "../lib/ensemble/launcher";
import { fourLetterWord } from "../lib/core/zk/four-letter";
import { freePorts } from "../lib/ensemble/ports";
import { ADMIN, processTree, rssMiB, startConsoleServer, type ConsoleServer } from "../test/faults/console-server";
import { HttpSession, type HttpResult } from "../test/faults/http-session";
import { parseCons } from "../lib/health/parse-cons";
import { parseWchs } from "../lib/health/parse-wchs";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const READERS = Number(process.env.LOAD_READERS ?? 200);
const VIEWERS = Number(process.env.LOAD_VIEWERS ?? 50);
const WRITERS = Number(process.env.LOAD_WRITERS ?? 5);
const NODES = 50; // /load/node-0..49: readers read all, writers write the first 10, viewers watch 5 each
const RESULTS = path.join(process.cwd(), "bench", "results", "load.md");
/** The console releases a path this long after its last viewer left (hub linger), then the hub itself. */
const HUB_RELEASE_MS = 12_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "n/a");

type Stats = { ok: number; conflicts: number; errors: Map<string, number>; latencies: number[]; slow: { at: number; ms: number; what: string }[] };
const stats = (): Stats => ({ ok: 0, conflicts: 0, errors: new Map(), latencies: [], slow: [] });
function count(s: Stats, r: HttpResult, expected: number[], conflict = 409, what = "") {
  s.latencies.push(r.ms);
  if (r.ms > 2000) s.slow.push({ at: Date.now(), ms: r.ms, what });
  if (expected.includes(r.status)) s.ok++;
  else if (r.status === conflict) s.conflicts++;
  else {
    const key = `${r.status} ${r.body?.error?.code ?? r.error ?? ""}`.trim();
    s.errors.set(key, (s.errors.get(key) ?? 0) + 1);
  }
}
const errorCount = (s: Stats) => [...s.errors.values()].reduce((a, b) => a + b, 0);

/** RSS of the console: the server process plus its children (the cluster's ZooKeeper session process). */
const serverRss = (server: ConsoleServer) => processTree(server.serverPid()).reduce((mib, p) => mib + rssMiB(p), 0);

async function main() {
  let ensemble: LocalEnsemble | null = null;
  let server: ConsoleServer | null = null;
  try {
    ensemble = await startEnsemble({ size: 3 });
    const port = Number(process.env.PORT ?? (await freePorts(1))[0]);
    // All viewers are one signed-in admin: the per-user stream limit (default 20) would refuse most.
    server = await startConsoleServer({ port, env: { LIVE_STREAMS_PER_USER: String(VIEWERS) } });
    const http = new HttpSession(server.baseUrl);
    await http.login(ADMIN.username, ADMIN.password);
    const reg = await http.request("POST", "/api/v1/clusters", { name: `load-${Date.now()}`, connectionString: ensemble.connectionString, environment: "test" });
    if (reg.status !== 201) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`);
    const clusterId: string = reg.body.cluster.id;
    const znode = (p: string) => `/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent(p)}`;
    const nodes = Array.from({ length: NODES }, (_, i) => `/load/node-${i}`);
    for (const p of ["/load", ...nodes]) {
      const r = await http.request("POST", znode(p), { data: JSON.stringify({ node: p, value: 0 }) });
      if (r.status !== 201) throw new Error(`seed ${p}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    // Warm-up: route compilation, JIT, the session.
    for (let i = 0; i < 50; i++) await http.get(znode(pick(nodes)));
    await sleep(1000);

    const rssStart = serverRss(server);
    let rssPeak = rssStart;
    const rssTimer = setInterval(() => (rssPeak = Math.max(rssPeak, serverRss(server!))), 1000);
    console.log(`load: ${READERS} readers, ${VIEWERS} viewers, ${WRITERS} writers for ${SECONDS} s against ${server.baseUrl} (server RSS ${f1(rssStart)} MiB)`);

    // Viewers first: each watches /load and 5 nodes, for the whole run.
    const viewers: Awaited<ReturnType<HttpSession["events"]>>[] = [];
    for (let i = 0; i < VIEWERS; i += 10) {
      viewers.push(...(await Promise.all(Array.from({ length: Math.min(10, VIEWERS - i) }, (_, j) => http.events(clusterId, ["/load", ...nodes.slice(((i + j) * 5) % NODES, ((i + j) * 5) % NODES + 5)])))));
    }
    const watched = [...new Set(["/load", ...Array.from({ length: VIEWERS }, (_, v) => nodes.slice((v * 5) % NODES, (v * 5) % NODES + 5)).flat()])];

    const reads = stats();
    const writes = stats();
    // Ramp-up, not measured: every loop opens its keep-alive connection with one request, then all
    // start together. (While established connections keep the server busy, the first request of a
    // new connection waits seconds: measured separately as "ramp-up".)
    let go!: () => void;
    const started = new Promise<void>((r) => (go = r));
    const ramp: number[] = [];
    const warm = async () => {
      ramp.push((await http.get(znode(pick(nodes)))).ms);
      await started;
    };
    let stopAt = Infinity;
    const readerLoop = async () => {
      await warm();
      while (Date.now() < stopAt) {
        const child = Math.random() < 0.3;
        const r = child ? await http.get(`/api/v1/clusters/${clusterId}/children?path=%2Fload&limit=100`) : await http.get(znode(pick(nodes)));
        count(reads, r, [200], 409, child ? "children" : "znode");
      }
    };
    let seq = 0;
    const writerLoop = async () => {
      await warm();
      while (Date.now() < stopAt) {
        const p = pick(nodes.slice(0, 10));
        const got = await http.get(znode(p));
        if (got.status !== 200) {
          count(writes, got, [200]);
          continue;
        }
        const r = await http.request("PUT", znode(p), { data: JSON.stringify({ node: p, value: ++seq }), version: got.body.stat.version });
        count(writes, r, [200]);
      }
    };
    const loops = [...Array.from({ length: READERS }, readerLoop), ...Array.from({ length: WRITERS }, writerLoop)];
    while (ramp.length < READERS + WRITERS) await sleep(50);
    const rampMax = Math.max(...ramp);
    const t0 = Date.now();
    stopAt = t0 + SECONDS * 1000;
    go();
    // RSS along the run: a leak keeps climbing, a warmed-up heap levels off.
    const rssTrend: number[] = [];
    const trendTimer = setInterval(() => rssTrend.push(serverRss(server!)), Math.max(1000, (SECONDS * 1000) / 6));
    await Promise.all(loops);
    clearInterval(trendTimer);
    const elapsed = (Date.now() - t0) / 1000;
    if (process.env.LOAD_DEBUG) for (const x of reads.slow) console.log(`slow read at +${((x.at - t0) / 1000).toFixed(1)} s: ${x.ms.toFixed(0)} ms ${x.what}`);

    const dropped = viewers.filter((v) => v.reader.ended).length;
    const events = viewers.reduce((n, v) => n + v.reader.events.filter((e) => e.type === "dataChanged").length, 0);
    await Promise.all(viewers.map((v) => v.close()));
    clearInterval(rssTimer);

    // ---- afterwards: sessions and watches on every member ----
    const sessionId = "0x" + ((await http.get(`/api/v1/clusters/${clusterId}`)).body.cluster.session.sessionId ?? "?");
    const survey = async () => Promise.all(ensemble!.members.map(async (m) => {
      const cons = parseCons(await fourLetterWord(m.host, m.clientPort, "cons"));
      const wchs = parseWchs(await fourLetterWord(m.host, m.clientPort, "wchs"));
      return { id: m.id, sessions: cons.map((c) => c.sessionId).filter((s): s is string => !!s), watches: wchs?.watches ?? NaN };
    }));
    await sleep(1000);
    const afterLeave = await survey();
    // The console stops re-arming a path once its last viewer left (and the linger passed), but a
    // ZooKeeper watch cannot be removed: it stays registered until its next event fires it. So fire
    // one of each kind on every watched path, through the console: data (set) and children (a child
    // created and deleted).
    await sleep(HUB_RELEASE_MS);
    const fireErrors: string[] = [];
    for (const p of watched) {
      const got = await http.get(znode(p));
      const steps = got.status === 200 ? [
        await http.request("PUT", znode(p), { data: got.body.data.text ?? "", version: got.body.stat.version }),
        await http.request("POST", znode(`${p}/fire`), {}),
        await http.request("DELETE", `${znode(`${p}/fire`)}&version=0`),
      ] : [got];
      for (const r of steps) if (r.status >= 300) fireErrors.push(`${p}: ${r.status} ${JSON.stringify(r.body?.error ?? r.error ?? r.body).slice(0, 200)}`);
    }
    if (fireErrors.length) console.error(`firing the watched paths failed:\n${fireErrors.slice(0, 10).join("\n")}`);
    await sleep(1000);
    const afterFire = await survey();
    await sleep(2000);
    const rssEnd = serverRss(server);

    // ---- report ----
    reads.latencies.sort((a, b) => a - b);
    writes.latencies.sort((a, b) => a - b);
    const allSessions = afterFire.flatMap((m) => m.sessions);
    const leakedSessions = allSessions.filter((s) => s !== sessionId);
    const leftWatches = afterFire.reduce((n, m) => n + m.watches, 0);
    const unexpected = errorCount(reads) + errorCount(writes);
    const ok = unexpected === 0 && fireErrors.length === 0 && dropped === 0 && leakedSessions.length === 0 && allSessions.length === 1 && leftWatches === 0;
    const errs = (s: Stats) => (s.errors.size ? [...s.errors].map(([k, v]) => `${k} ×${v}`).join(", ") : "none");
    const table = [
      "| | requests | per s | p50 ms | p90 ms | p99 ms | max ms | conflicts (409, expected) | unexpected errors |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
      `| reads (GET znode 70 %, children 30 %) | ${reads.latencies.length} | ${f1(reads.latencies.length / elapsed)} | ${f1(pct(reads.latencies, 50))} | ${f1(pct(reads.latencies, 90))} | ${f1(pct(reads.latencies, 99))} | ${f1(reads.latencies.at(-1) ?? NaN)} | – | ${errs(reads)} |`,
      `| writes (GET + PUT at the version read) | ${writes.latencies.length} | ${f1(writes.latencies.length / elapsed)} | ${f1(pct(writes.latencies, 50))} | ${f1(pct(writes.latencies, 90))} | ${f1(pct(writes.latencies, 99))} | ${f1(writes.latencies.at(-1) ?? NaN)} | ${writes.conflicts} | ${errs(writes)} |`,
    ].join("\n");
    const members = (label: string, s: typeof afterFire) => `| ${label} | ${s.map((m) => `member ${m.id}: ${m.sessions.length} session(s) ${m.sessions.join(" ")}, ${m.watches} watches`).join("; ")} |`;
    const after = [
      "| | |",
      "| --- | --- |",
      `| ramp-up (not in the table above) | ${READERS + WRITERS} connections opened with one request each, all at once: slowest answer ${f1(rampMax)} ms |`,
      `| SSE viewers | ${VIEWERS} streams, ${dropped} dropped during the run, ${events} dataChanged events received |`,
      `| server RSS (server process + session workers) | start ${f1(rssStart)} MiB (before the load), peak ${f1(rssPeak)} MiB, end ${f1(rssEnd)} MiB (load over, viewers gone); along the run: ${rssTrend.map(f1).join(" → ")} MiB |`,
      `| the console's session | ${sessionId} |`,
      members("right after the viewers left", afterLeave),
      members("after the next event on every watched path", afterFire),
      `| verdict | ${ok ? "pass" : "FAIL"}: ${unexpected} unexpected errors, ${leakedSessions.length} foreign sessions, ${leftWatches} watches left |`,
    ].join("\n");
    console.log("\n" + table + "\n\n" + after);
    const md = [
      "# Load: readers, live viewers and writers through the console",
      "",
      `Machine: ${os.cpus().length} cores (shared with other work; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} at the end), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. ZooKeeper 3.8, 3 members on loopback; the console is the production build served by \`server.mjs\` (as \`npm start\`) on a throwaway SQLite database; the load generator (same machine) is \`scripts/load-test.ts\`: \`node:http\` keep-alive connections for the API (one per reader and writer, opened before the measured window), \`fetch\` streams for the viewers.`,
      "",
      `${READERS} readers loop without pause over ${NODES} znodes (GET znode: data and Stat) and the children page of their parent; ${WRITERS} writers read one of 10 of those znodes and save it at the version read (two writers on the same znode: one gets the expected 409); ${VIEWERS} Server-Sent Events streams watch the parent and 5 znodes each. ${SECONDS} s (\`LOAD_SECONDS\`); measured ${f1(elapsed)} s. Latency is per HTTP request, at the client.`,
      "",
      table,
      "",
      after,
      "",
      "RSS: the jump from the idle start to the first sample is V8 growing its heap for 250 concurrent connections; along the run it stays within a few tens of MiB (a run of 60 s cannot tell slow growth from heap sizing: use a longer `LOAD_SECONDS` for that).",
      "",
      "Afterwards (ZooKeeper semantics): the console holds one session for the cluster; sessions are counted from `cons` on every member. A ZooKeeper watch is one-shot and cannot be removed by the client: when the last viewer of a path leaves, the console stops re-arming it, but the watch stays registered (`wchs`) until the next event on that path fires it. So the watches are counted twice: right after the viewers disconnected (still registered), and after one data change and one child change on every watched path (all gone).",
      "",
      `Command: \`NEXT_DIST_DIR=.next-faults LOAD_SECONDS=${SECONDS} npm run test:load\`.`,
      "",
    ].join("\n");
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, md);
    console.log(`\nwritten to ${path.relative(process.cwd(), RESULTS)}`);
    if (!server.alive()) throw new Error("the console server died during the load test");
    return ok;
  } finally {
    await server?.stop();
    await ensemble?.stopAll();
  }
}

main().then((ok) => process.exit(ok ? 0 : 1), (e) => {
  console.error(e);
  process.exit(1);
});
