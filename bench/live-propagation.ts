// Propagation latency of live changes: a `set` by a raw ZooKeeper handle in this process, to the
// dataChanged event arriving at N Server-Sent Events clients of the console (N = 1, 50, 200),
// over real HTTP, with the console server's RSS sampled meanwhile.
//
// Against a console this script starts (the NEXT_DIST_DIR build, throwaway database, port PORT):
//   NEXT_DIST_DIR=.next-live PORT=3204 npx tsx bench/live-propagation.ts
// Against a running console (RSS only with SERVER_PID):
//   BASE_URL=http://127.0.0.1:3000 ADMIN_USERNAME=admin ADMIN_PASSWORD=... SERVER_PID=1234 npx tsx bench/live-propagation.ts
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { processTree } from "../lib/faults/console-server";
import os from "node:os";
import path from "node:path";
import ZooKeeper from "zookeeper";
import { startEnsemble, type LocalEnsemble } from "../lib/ensemble/launcher";
import { SseReader } from "../lib/watch/sse-reader";
import { machine } from "./setup";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const RESULTS = path.join(ROOT, "bench", "results", "live-propagation.md");
const CLIENTS = (process.env.CLIENTS ?? "1,50,200").split(",").map(Number);
const SETS = Number(process.env.SETS ?? 200);
const GAP_MS = 25; // between sets, so that most sets are their own event rather than coalesced with the next
const NODE = "/bench-live/node";

// ---- the console under test ---------------------------------------------------
let server: ChildProcess | null = null;
let baseUrl = process.env.BASE_URL?.replace(/\/$/, "") ?? "";
let username = process.env.ADMIN_USERNAME ?? "admin";
let password = process.env.ADMIN_PASSWORD ?? "";
let serverPid = Number(process.env.SERVER_PID ?? 0);

async function startConsole() {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) throw new Error(`no build in ${distDir}: run NEXT_DIST_DIR=${distDir} npx next build first, or set BASE_URL`);
  const port = process.env.PORT ?? "3204";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zkc-bench-live-"));
  const databaseUrl = `file:${path.join(dir, "bench.db")}`;
  const env = { ...process.env, DATABASE_URL: databaseUrl, DEMO_CLUSTER: "off", HEALTH_SAMPLER: "off", NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXTAUTH_SECRET: "bench-secret-not-for-production-0000000", ADMIN_USERNAME: "admin", ADMIN_PASSWORD: "bench-admin-password" };
  await run("npx", ["prisma", "migrate", "deploy"], env);
  // node, not npx: the pid whose RSS we sample is the server itself.
  // Its own process group: `next start` forks the actual next-server, which must go too.
  server = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", port, "-H", "127.0.0.1"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  serverPid = server.pid ?? 0;
  baseUrl = `http://127.0.0.1:${port}`;
  username = "admin";
  password = "bench-admin-password";
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${baseUrl}/login`).then((r) => r.ok, () => false)) return;
    await sleep(250);
  }
  throw new Error("the console did not start within 60 s");
}

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<void>((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: ROOT, env, stdio: "ignore" });
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`))));
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const rssKiB = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
};
const commOf = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
};

/** RSS (MiB) of the console server: the `next-server` process and its children (the ZooKeeper session worker). */
function serverRssMiB(pid: number): number {
  if (!pid) return NaN;
  const server = processTree(pid).find((p) => commOf(p).startsWith("next-server")) ?? pid;
  return processTree(server).reduce((kib, p) => kib + rssKiB(p), 0) / 1024;
}

// ---- HTTP with a cookie jar ---------------------------------------------------
const jar = new Map<string, string>();
function remember(res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function login() {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  remember(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, username, password, json: "true", callbackUrl: baseUrl + "/" }),
  });
  remember(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`login as ${username} failed (HTTP ${res.status})`);
}

async function openStream(clusterId: string): Promise<SseReader> {
  const res = await fetch(`${baseUrl}/api/v1/clusters/${clusterId}/events?path=${encodeURIComponent(NODE)}`, { headers: { cookie: cookie(), accept: "text/event-stream" } });
  if (res.status !== 200) throw new Error(`events stream: HTTP ${res.status} ${await res.text()}`);
  const reader = new SseReader(res.body!);
  await reader.waitFor((e) => e.type === "state" && e.state === "live", { what: "a live stream" });
  return reader;
}

// ---- measurement --------------------------------------------------------------
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
type Row = { clients: number; sets: number; samples: number; missed: number; p50: number; p99: number; max: number; rssBefore: number; rssPeak: number };

async function measure(clusterId: string, zk: ZooKeeper, clients: number, version: { v: number }): Promise<Row> {
  const readers: SseReader[] = [];
  for (let i = 0; i < clients; i += 25) readers.push(...(await Promise.all(Array.from({ length: Math.min(25, clients - i) }, () => openStream(clusterId)))));
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
  try {
    if (!baseUrl) await startConsole();
    if (!password) throw new Error("set ADMIN_PASSWORD (and ADMIN_USERNAME) for the console at BASE_URL");
    await login();
    ensemble = await startEnsemble({ size: 1 });
    zk = new ZooKeeper({ connect: ensemble.connectionString, timeout: 30_000, debug_level: ZooKeeper.constants.ZOO_LOG_LEVEL_ERROR, host_order_deterministic: false } as ConstructorParameters<typeof ZooKeeper>[0]);
    await new Promise<void>((resolve) => { zk!.once("connect", () => resolve()); zk!.init({}); });
    await zk.create("/bench-live", Buffer.from(""), 0);
    await zk.create(NODE, Buffer.from("0"), 0);
    const res = await fetch(`${baseUrl}/api/v1/clusters`, { method: "POST", headers: { cookie: cookie(), "content-type": "application/json" }, body: JSON.stringify({ name: `live-bench-${Date.now()}`, connectionString: ensemble.connectionString, environment: "test" }) });
    if (res.status !== 201 && res.status !== 200) throw new Error(`register cluster: HTTP ${res.status} ${await res.text()}`);
    const { cluster } = (await res.json()) as { cluster: { id: string } };

    const version = { v: 0 };
    await measure(cluster.id, zk, 1, version); // warm-up: route compilation, session, JIT
    const rows: Row[] = [];
    for (const n of CLIENTS) {
      const row = await measure(cluster.id, zk, n, version);
      rows.push(row);
      console.log(`N=${n}: p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms, coalesced ${row.missed}, server RSS peak ${row.rssPeak.toFixed(0)} MiB`);
    }
    const md = [
      "# Live change propagation",
      "",
      `Machine: ${machine()} (2 cores shared with other work; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} at the end). ZooKeeper 3.8 standalone on loopback; \`next start\` production build; clients are Node fetch EventSource-equivalents (lib/watch/sse-reader.ts) in the benchmark process, which also holds the raw \`zookeeper\` handle that sets the value.`,
      "",
      `Each row: ${SETS} sequential \`set\`s ${GAP_MS} ms apart on one znode watched by all N streams; latency is from calling \`set\` to the \`dataChanged\` event with that version parsed by each client (N × ${SETS} samples). Server RSS is the \`next-server\` process plus its ZooKeeper session worker, sampled every 100 ms.`,
      "`coalesced`: versions a client never saw as their own event because the next `set` landed before the watch was re-armed (a ZooKeeper watch is one-shot; the hub re-reads and reports the newer version, so the final value always arrives). Every client ended on the last version.",
      "Command: `NEXT_DIST_DIR=.next-live PORT=3204 npx tsx bench/live-propagation.ts` (`npm run bench:live`).",
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
    stopConsole();
  }
}

function stopConsole() {
  if (!server?.pid) return;
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
  server = null;
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  stopConsole();
  process.exit(1);
});
