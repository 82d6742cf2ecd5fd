// The request path against the raw binding, side by side in one run (issue 12's targets):
//  (a) 1,000 sequential GET znode through the API vs 1,000 sequential getData with the raw binding,
//  (b) 64 keep-alive API clients reading for DURATION_S vs the raw binding with 64 reads in flight,
//  (c) where the server's time goes in (b): the same run against a second console started with
//      `node --cpu-prof server.mjs` (V8's CPU profiler), summarised by file / package (self time).
//   NEXT_DIST_DIR=.next-fastpath npm run bench:fast-path    (needs a production build there)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ZooKeeper from "zookeeper";
import { startEnsemble, type LocalEnsemble } from "../lib/ensemble/launcher";
import { freePorts } from "../lib/ensemble/ports";
import { ADMIN, startConsoleServer, type ConsoleServer } from "../test/faults/console-server";
import { HttpSession } from "../test/faults/http-session";
import { machine } from "./setup";
import { summariseCpuProfile } from "./cpu-profile";

const READS = 1000;
const CONCURRENCY = 64;
const DURATION_S = Number(process.env.DURATION_S ?? 10);
const RESULTS = path.join(path.dirname(new URL(import.meta.url).pathname), "results", "fast-path.md");

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const stats = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: pct(s, 50), p99: pct(s, 99), n: s.length };
};
const f = (x: number, d = 2) => x.toFixed(d);

type Raw = InstanceType<typeof ZooKeeper>;
async function rawClient(connect: string): Promise<Raw> {
  const handle = new ZooKeeper({ connect, timeout: 30_000, debug_level: ZooKeeper.constants.ZOO_LOG_LEVEL_ERROR, host_order_deterministic: false } as ConstructorParameters<typeof ZooKeeper>[0]);
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("raw client did not connect")), 30_000);
    handle.once("connect", () => { clearTimeout(t); resolve(); });
    handle.init({});
  });
  return handle;
}

/** `workers` loops, each doing one call after the other until the time is up: calls per second and errors. */
async function closedLoop(workers: number, seconds: number, once: (i: number) => Promise<boolean>) {
  const end = performance.now() + seconds * 1000;
  let ok = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: workers }, async (_, w) => {
    for (let i = w; performance.now() < end; i += workers) {
      if (await once(i)) ok++;
      else failed++;
    }
  }));
  return { perSecond: ok / ((performance.now() - t0) / 1000), ok, failed };
}

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function consoleWith(connectionString: string, nodeArgs: string[] = []) {
  const server = await startConsoleServer({ port: (await freePorts(1))[0], nodeArgs });
  const api = new HttpSession(server.baseUrl);
  await api.login(ADMIN.username, ADMIN.password);
  const res = await api.request("POST", "/api/v1/clusters", { name: `bench-${Date.now()}`, connectionString, sessionTimeoutMs: 30_000, environment: "test" });
  if (res.status !== 201) throw new Error(`registering the cluster: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return { server, api, clusterId: (res.body as { cluster: { id: string } }).cluster.id };
}

const loadAverage = () => os.loadavg().map((x) => x.toFixed(1)).join(" / ");

async function main() {
  const loadAtStart = loadAverage();
  let ensemble: LocalEnsemble | null = null;
  let raw: Raw | null = null;
  const servers: ConsoleServer[] = [];
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "zkc-bench-prof-"));
  try {
    ensemble = await startEnsemble({ size: 1 });
    raw = await rawClient(ensemble.connectionString);
    const r = raw;
    await r.create("/bench", Buffer.alloc(0), 0).catch(() => undefined);
    const paths = Array.from({ length: 50 }, (_, i) => `/bench/n${String(i).padStart(2, "0")}`);
    for (const p of paths) await r.create(p, Buffer.from(JSON.stringify({ value: p, padding: "x".repeat(200) })), 0);
    const rawGet = (p: string) => r.get(p, false);

    const { server, api, clusterId } = await consoleWith(ensemble.connectionString);
    servers.push(server);
    const url = (p: string) => `/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent(p)}`;
    // Warm-up: route compilation, the session, the caches are not what we measure.
    for (let i = 0; i < 200; i++) await api.get(url(paths[i % paths.length]));
    for (let i = 0; i < 200; i++) await rawGet(paths[i % paths.length]);

    // (a) sequential, interleaved in blocks so both see the same machine
    const apiTimes: number[] = [];
    const rawTimes: number[] = [];
    for (let block = 0; block < 10; block++) {
      for (let i = 0; i < READS / 10; i++) {
        const res = await api.get(url(paths[i % paths.length]));
        if (res.status !== 200) throw new Error(`GET znode: HTTP ${res.status}`);
        apiTimes.push(res.ms);
      }
      for (let i = 0; i < READS / 10; i++) {
        const t0 = performance.now();
        await rawGet(paths[i % paths.length]);
        rawTimes.push(performance.now() - t0);
      }
    }
    const a = stats(apiTimes);
    const b = stats(rawTimes);

    // (b) 64 concurrent; CPU time per read as well (less sensitive to other work on the machine than reads/s)
    const serverCpu0 = cpuSeconds(server.serverPid());
    const apiLoop = await closedLoop(CONCURRENCY, DURATION_S, async (i) => (await api.get(url(paths[i % paths.length]))).status === 200);
    const serverCpuMs = ((cpuSeconds(server.serverPid()) - serverCpu0) * 1000) / apiLoop.ok;
    const ownCpu0 = process.cpuUsage();
    const rawLoop = await closedLoop(CONCURRENCY, DURATION_S, (i) => rawGet(paths[i % paths.length]).then(() => true, () => false));
    const own = process.cpuUsage(ownCpu0);
    const rawCpuMs = (own.user + own.system) / 1000 / rawLoop.ok;
    await server.stop();
    servers.pop();

    // (c) the same 64-concurrent run against a console that profiles itself
    // node writes the profile when the server exits (server.mjs exits on SIGTERM).
    const profileName = `bench-fast-path-${process.pid}.cpuprofile`;
    const profiled = await consoleWith(ensemble.connectionString, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${profileName}`]);
    servers.push(profiled.server);
    const purl = (p: string) => `/api/v1/clusters/${profiled.clusterId}/znode?path=${encodeURIComponent(p)}`;
    for (let i = 0; i < 200; i++) await profiled.api.get(purl(paths[i % paths.length]));
    const loopStart = performance.now();
    const profLoop = await closedLoop(CONCURRENCY, DURATION_S, async (i) => (await profiled.api.get(purl(paths[i % paths.length]))).status === 200);
    const loopEnd = performance.now();
    const stopAt = performance.now();
    const window = { fromEndMs: stopAt - loopStart, toEndMs: stopAt - loopEnd };
    await profiled.server.stop();
    servers.pop();
    const file = path.join(profileDir, profileName);
    const profile = fs.existsSync(file) ? summariseCpuProfile(JSON.parse(fs.readFileSync(file, "utf8")), profLoop.ok, window) : null;

    const load = loadAverage();
    const lines = [
      `# fast path: the API beside the raw binding`,
      ``,
      `${machine()} · load average ${loadAtStart} at the start, ${load} at the end (1/5/15 min; 2 cores shared with other helpers' builds and tests) · ZooKeeper 3.8 standalone on loopback · the console is the production build served by \`server.mjs\` (as \`npm start\`: GET znode and children go straight to their route handler, the rest through Next.js) on a throwaway SQLite database, signed in as an admin (session cookie) · 50 znodes of ~230 bytes`,
      ``,
      `| measurement | n | p50 (ms) | p99 (ms) | API / raw p50 | API / raw p99 | target |`,
      `|---|---:|---:|---:|---:|---:|---|`,
      `| GET znode via the API, sequential (keep-alive) | ${a.n} | ${f(a.p50)} | ${f(a.p99)} | ${f(a.p50 / b.p50, 1)}× | ${f(a.p99 / b.p99, 1)}× | p50 ≤ 5×, p99 ≤ 8× |`,
      `| getData via the raw binding, sequential | ${b.n} | ${f(b.p50)} | ${f(b.p99)} | 1.0× | 1.0× | |`,
      ``,
      `| ${CONCURRENCY} concurrent for ${DURATION_S} s | reads | reads/s | failed | API / raw | CPU ms per read | target |`,
      `|---|---:|---:|---:|---:|---:|---|`,
      `| ${CONCURRENCY} keep-alive API clients (GET znode) | ${apiLoop.ok} | ${f(apiLoop.perSecond, 0)} | ${apiLoop.failed} | ${f(apiLoop.perSecond / rawLoop.perSecond, 3)}× | ${f(serverCpuMs)} (server process; its session workers not counted) | ≥ 0.15× |`,
      `| raw binding, ${CONCURRENCY} getData in flight | ${rawLoop.ok} | ${f(rawLoop.perSecond, 0)} | ${rawLoop.failed} | 1.0× | ${f(rawCpuMs)} (this process) | |`,
      `| (profiled console, same run) | ${profLoop.ok} | ${f(profLoop.perSecond, 0)} | ${profLoop.failed} | – | – | |`,
      ``,
      profile ?? `(the profiled server wrote no CPU profile)`,
      ``,
      `Command: \`NEXT_DIST_DIR=.next-fastpath npm run bench:fast-path\` (DURATION_S=${DURATION_S}).`,
      ``,
    ];
    const table = lines.join("\n");
    console.log("\n" + table);
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, table);
    console.log(`written to ${RESULTS}`);
  } finally {
    for (const s of servers) await s.stop().catch(() => undefined);
    try { raw?.close(); } catch { /* closed */ }
    await ensemble?.stopAll();
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
