// Propagation latency of live changes: a `set` by a raw ZooKeeper handle in this process, to the
// dataChanged event arriving at N Server-Sent Events clients of the console (N = 1, 50, 200),
// over real HTTP, with the console server's RSS sampled meanwhile.
//
// Against a console this script starts (the NEXT_DIST_DIR build, throwaway database, port PORT):
//   npm run bench:live          (NEXT_DIST_DIR, default .next; PORT, default a free one)
// Against a running console (RSS only with SERVER_PID):
//   BASE_URL=http://127.0.0.1:3000 ADMIN_USERNAME=admin ADMIN_PASSWORD=... SERVER_PID=1234 npm run bench:live
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ZooKeeper from "zookeeper";
import { startEnsemble, type LocalEnsemble } from "../lib/ensemble/launcher";
import { freePorts } from "../lib/ensemble/ports";
import { ADMIN, nextServerOf, processTree, rssMiB, startConsoleServer, type ConsoleServer } from "../test/faults/console-server";
import { HttpSession } from "../test/faults/http-session";
import type { SseReader } from "../test/watch/sse-reader";
import { machine } from "./setup";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const RESULTS = path.join(ROOT, "bench", "results", "live-propagation.md");
const CLIENTS = (process.env.CLIENTS ?? "1,50,200").split(",").map(Number);
const SETS = Number(process.env.SETS ?? 200);
const GAP_MS = 25; // between sets, so that most sets are their own event rather than coalesced with the next
const NODE = "/bench-live/node";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** RSS (MiB) of the console server: the `next-server` process and its children (the ZooKeeper session worker). */
function serverRssMiB(pid: number): number {
  if (!pid) return NaN;
  return processTree(nextServerOf(pid)).reduce((mib, p) => mib + rssMiB(p), 0);
}

async function openStream(api: HttpSession, clusterId: string): Promise<SseReader> {
  const { reader } = await api.events(clusterId, [NODE]);
  await reader.waitFor((e) => e.type === "state" && e.state === "live", { what: "a live stream" });
  return reader;
}

// ---- measurement --------------------------------------------------------------
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
type Row = { clients: number; sets: number; samples: number; missed: number; p50: number; p99: number; max: number; rssBefore: number; rssPeak: number };

async function measure(api: HttpSession, serverPid: number, clusterId: string, zk: ZooKeeper, clients: number, version: { v: number }): Promise<Row> {
  const readers: SseReader[] = [];
  for (let i = 0; i < clients; i += 25) readers.push(...(await Promise.all(Array.from({ length: Math.min(25, clients - i) }, () => openStream(api, clusterId)))));
  await sleep(500);
  const rssBefore = serverRssMiB(serverPid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, serverRssMiB(serverPid))), 100);
  const sentAt = new Map<number, number>();
  for (let i = 0; i < SETS; i++) {
    const t0 = performance.now();
    const stat = (await zk.set(NODE, Buffer.from(`value ${i}`), version.v)) as { version: number };
    version.v = stat.version;
    sentAt.set(stat.version, t0);
    await sleep(GAP_MS);
  }
  const last = version.v;
  const final = await Promise.all(readers.map((r) => r.waitFor((e) => e.type === "dataChanged" && e.stat?.version === last, { timeoutMs: 60_000, what: `version ${last}` }).catch(() => null)));
  const stale = final.filter((e) => e === null).length;
  if (stale) throw new Error(`${stale} of ${clients} clients never received the final version ${last}`);
  clearInterval(sampler);
  const latencies: number[] = [];
  let missed = 0;
  for (const r of readers) {
    const got = new Set<number>();
    r.events.forEach((e, i) => {
      const t0 = e.type === "dataChanged" && e.stat ? sentAt.get(e.stat.version) : undefined;
      if (t0 !== undefined) {
        latencies.push(r.arrivals[i] - t0);
        got.add(e.stat!.version);
      }
    });
    missed += SETS - got.size;
  }
  await Promise.all(readers.map((r) => r.cancel()));
  latencies.sort((a, b) => a - b);
  return { clients, sets: SETS, samples: latencies.length, missed, p50: pct(latencies, 50), p99: pct(latencies, 99), max: latencies.at(-1) ?? NaN, rssBefore, rssPeak };
}

function table(rows: Row[]): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "n/a");
  return [
    "| SSE clients | sets | events received | coalesced | p50 ms | p99 ms | max ms | server RSS before (MiB) | server RSS peak (MiB) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.clients} | ${r.sets} | ${r.samples} | ${r.missed} | ${f(r.p50)} | ${f(r.p99)} | ${f(r.max)} | ${f(r.rssBefore)} | ${f(r.rssPeak)} |`),
  ].join("\n");
}

async function main() {
  let ensemble: LocalEnsemble | null = null;
  let zk: ZooKeeper | null = null;
  let server: ConsoleServer | null = null;
  try {
    let baseUrl = process.env.BASE_URL?.replace(/\/$/, "") ?? "";
    let serverPid = Number(process.env.SERVER_PID ?? 0);
    let login = { username: process.env.ADMIN_USERNAME ?? "admin", password: process.env.ADMIN_PASSWORD ?? "" };
    if (!baseUrl) {
      server = await startConsoleServer({ port: Number(process.env.PORT ?? (await freePorts(1))[0]), env: { HEALTH_SAMPLER: "off", LIVE_STREAMS_PER_USER: "1000", LIVE_PATHS_PER_USER: "100000" } });
      ({ baseUrl } = server);
      serverPid = server.serverPid();
      login = ADMIN;
    }
    if (!login.password) throw new Error("set ADMIN_PASSWORD (and ADMIN_USERNAME) for the console at BASE_URL");
    const api = new HttpSession(baseUrl);
    await api.login(login.username, login.password);
    ensemble = await startEnsemble({ size: 1 });
    zk = new ZooKeeper({ connect: ensemble.connectionString, timeout: 30_000, debug_level: ZooKeeper.constants.ZOO_LOG_LEVEL_ERROR, host_order_deterministic: false } as ConstructorParameters<typeof ZooKeeper>[0]);
    await new Promise<void>((resolve) => { zk!.once("connect", () => resolve()); zk!.init({}); });
    await zk.create("/bench-live", Buffer.from(""), 0);
    await zk.create(NODE, Buffer.from("0"), 0);
    const res = await api.request("POST", "/api/v1/clusters", { name: `live-bench-${Date.now()}`, connectionString: ensemble.connectionString, environment: "test" });
    if (res.status !== 201 && res.status !== 200) throw new Error(`register cluster: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    const { cluster } = res.body as { cluster: { id: string } };

    const version = { v: 0 };
    await measure(api, serverPid, cluster.id, zk, 1, version); // warm-up: route compilation, session, JIT
    const rows: Row[] = [];
    for (const n of CLIENTS) {
      const row = await measure(api, serverPid, cluster.id, zk, n, version);
      rows.push(row);
      console.log(`N=${n}: p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms, coalesced ${row.missed}, server RSS peak ${row.rssPeak.toFixed(0)} MiB`);
    }
    const md = [
      "# Live change propagation",
      "",
      `Machine: ${machine()} (2 cores shared with other work; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} at the end). ZooKeeper 3.8 standalone on loopback; \`next start\` production build; clients are Node fetch EventSource-equivalents (test/watch/sse-reader.ts) in the benchmark process, which also holds the raw \`zookeeper\` handle that sets the value.`,
      "",
      `Each row: ${SETS} sequential \`set\`s ${GAP_MS} ms apart on one znode watched by all N streams; latency is from calling \`set\` to the \`dataChanged\` event with that version parsed by each client (N × ${SETS} samples). Server RSS is the \`next-server\` process plus its ZooKeeper session worker, sampled every 100 ms.`,
      "`coalesced`: versions a client never saw as their own event because the next `set` landed before the watch was re-armed (a ZooKeeper watch is one-shot; the hub re-reads and reports the newer version, so the final value always arrives). Every client ended on the last version.",
      "Command: `npm run bench:live` (the `.next` build of `npm test`/`npm start`).",
      "",
      table(rows),
      "",
    ].join("\n");
    console.log("\n" + table(rows));
    fs.writeFileSync(RESULTS, md);
    console.log(`\nwritten to ${path.relative(ROOT, RESULTS)}`);
  } finally {
    zk?.close();
    await ensemble?.stopAll();
    await server?.stop();
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
