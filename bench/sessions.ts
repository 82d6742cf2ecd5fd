// Memory of the session workers and the cost of secured sessions, each side by side with the raw
// `zookeeper` binding in the same run:
// 1. The built console (`next start` of NEXT_DIST_DIR on a throwaway database) with 1, 10 and 100
//    registered clusters whose sessions are open, and 10 open clusters with 200 live viewers (SSE
//    streams, 20 per cluster): total RSS of next-server plus its session workers. Beside it a bare
//    Node process holding as many raw handles.
// 2. Sequential reads (p50/p99) through ZkClient (the pooled workers of this process) and through a
//    raw handle in this process, against a plain, a TLS-only (mutual TLS) and a DIGEST-MD5 member.
//
//   NEXT_DIST_DIR=.next-binding npm run bench:sessions     (READS, default 1000)
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ZooKeeper from "zookeeper";
import { closeSession, getClient, type SessionTarget } from "../lib/core/zk/sessions";
import { startEnsemble, type LocalEnsemble } from "../lib/ensemble/launcher";
import { freePorts } from "../lib/ensemble/ports";
import { ADMIN, processTree, rssMiB, startConsoleServer, type ConsoleServer } from "../test/faults/console-server";
import { HttpSession } from "../test/faults/http-session";
import { startDigestMember, startTlsMember } from "../test/secure-zookeeper/members";
import type { SecureMember } from "../test/secure-zookeeper/server";
import { machine, percentile } from "./setup";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const RESULTS = path.join(ROOT, "bench", "results", "sessions.md");
const READS = Number(process.env.READS ?? 1000);
const VIEWERS = 200;
const LIMIT_MIB = 400;
const NODE = "/bench-sessions";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "n/a");

// ---- 1. memory --------------------------------------------------------------------
type Rss = { total: number; server: number; workers: number[] };

/** next-server and its children (the session workers), after the process settled for a moment. */
async function rssOf(serverPid: number): Promise<Rss> {
  await sleep(1500);
  const [server, ...workers] = processTree(serverPid).map(rssMiB);
  return { total: server + workers.reduce((a, b) => a + b, 0), server, workers };
}

/** A bare Node process holding `n` raw sessions: what the sessions cost without the console. */
async function rawHolderRss(connect: string, n: number): Promise<number> {
  const script = `
    const ZooKeeper = require("zookeeper");
    const zks = Array.from({ length: ${n} }, () => new ZooKeeper({ connect: ${JSON.stringify(connect)}, timeout: 30000, debug_level: 1, host_order_deterministic: false }));
    Promise.all(zks.map((zk) => new Promise((ok) => { zk.once("connect", ok); zk.init({}); })))
      .then(() => Promise.all(zks.map((zk) => zk.get(${JSON.stringify(NODE)}, false))))
      .then(() => setTimeout(() => { process.stdout.write(require("fs").readFileSync("/proc/self/status", "utf8").match(/VmRSS:\\s+(\\d+)/)[1]); process.exit(0); }, 1500));`;
  const child = spawn(process.execPath, ["-e", script], { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  await new Promise((r) => child.once("exit", r));
  clearTimeout(timer);
  return Number(out) / 1024;
}

type MemRow = { what: string; rss: Rss; raw?: number };

async function memory(server: ConsoleServer, ensemble: LocalEnsemble, raw: ZooKeeper): Promise<MemRow[]> {
  const api = new HttpSession(server.baseUrl);
  await api.login(ADMIN.username, ADMIN.password);
  const pid = server.serverPid();
  const ids: string[] = [];
  for (let i = 0; i < 100; i++) {
    const res = await api.request("POST", "/api/v1/clusters", { name: `bench-sessions-${i}`, connectionString: ensemble.connectionString, environment: "test" });
    if (res.status !== 201 && res.status !== 200) throw new Error(`register cluster: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(res.body.cluster.id);
  }
  const open = async (from: number, to: number) => {
    for (let i = from; i < to; i += 10) {
      const batch = ids.slice(i, Math.min(to, i + 10));
      const answers = await Promise.all(batch.map((id) => api.get(`/api/v1/clusters/${id}/znode?path=${encodeURIComponent(NODE)}`)));
      const bad = answers.find((a) => a.status !== 200);
      if (bad) throw new Error(`read through the console: HTTP ${bad.status} ${JSON.stringify(bad.body)}`);
    }
  };
  const rows: MemRow[] = [{ what: "console started, no session yet", rss: await rssOf(pid) }];
  await open(0, 1);
  rows.push({ what: "1 cluster open", rss: await rssOf(pid), raw: await rawHolderRss(ensemble.connectionString, 1) });
  await open(1, 10);
  rows.push({ what: "10 clusters open", rss: await rssOf(pid), raw: await rawHolderRss(ensemble.connectionString, 10) });

  // 200 live viewers over the 10 open clusters, each watching the node and one of its children.
  const streams: Awaited<ReturnType<HttpSession["events"]>>[] = [];
  for (let i = 0; i < VIEWERS; i += 20) {
    streams.push(...(await Promise.all(Array.from({ length: 20 }, (_, j) => api.events(ids[(i + j) % 10], [NODE, `${NODE}/c${j % 5}`])))));
  }
  await Promise.all(streams.map((s) => s.reader.waitFor((e) => e.type === "state" && e.state === "live", { what: "a live stream" })));
  const stat = (await raw.set(NODE, Buffer.from("changed while watched"), -1)) as { version: number };
  await Promise.all(streams.map((s) => s.reader.waitFor((e) => e.type === "dataChanged" && e.stat?.version === stat.version, { timeoutMs: 60_000, what: "the change" })));
  rows.push({ what: `10 clusters open + ${VIEWERS} live viewers (every viewer received a change)`, rss: await rssOf(pid) });
  await Promise.all(streams.map((s) => s.close()));

  await open(10, 100);
  rows.push({ what: "100 clusters open (after the viewers left)", rss: await rssOf(pid), raw: await rawHolderRss(ensemble.connectionString, 100) });
  return rows;
}

function memoryTable(rows: MemRow[]): string {
  return [
    "| state | total RSS (MiB) | next-server | session workers | raw binding, bare process with as many handles |",
    "| --- | ---: | ---: | --- | ---: |",
    ...rows.map((r) => `| ${r.what} | ${f(r.rss.total)} | ${f(r.rss.server)} | ${r.rss.workers.map(f).join(" + ") || "none started"} | ${r.raw === undefined ? "–" : f(r.raw)} |`),
  ].join("\n");
}

// ---- 2. secured reads -------------------------------------------------------------
type ReadRow = { member: string; via: string; p50: number; p99: number };

async function timeReads(read: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 50; i++) await read(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < READS; i++) {
    const t0 = performance.now();
    await read();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

async function rawHandle(connect: string, init: object): Promise<ZooKeeper> {
  const zk = new ZooKeeper({ connect, timeout: 30_000, debug_level: ZooKeeper.constants.ZOO_LOG_LEVEL_ERROR, host_order_deterministic: false } as ConstructorParameters<typeof ZooKeeper>[0]);
  await new Promise<void>((resolve) => {
    zk.once("connect", () => resolve());
    zk.init(init);
  });
  return zk;
}

async function securedReads(plain: LocalEnsemble, tls: SecureMember & { pki: Awaited<ReturnType<typeof startTlsMember>>["pki"] }, digest: SecureMember): Promise<ReadRow[]> {
  const { ca, client } = tls.pki;
  const members: { member: string; target: SessionTarget; raw: [string, object] }[] = [
    { member: "plain", target: { id: "bench-plain", connectionString: plain.connectionString, sessionTimeoutMs: 30_000 }, raw: [plain.connectionString, {}] },
    {
      member: "TLS (mutual, host name checked)",
      target: { id: "bench-tls", connectionString: `localhost:${tls.port}`, sessionTimeoutMs: 30_000, tls: { caPem: ca.certPem, certPem: client.certPem, keyPem: client.keyPem } },
      raw: [`localhost:${tls.port}`, { tls: { ca: ca.certPath, cert: client.certPath, key: client.keyPath, verify_host: true } }],
    },
    {
      member: "SASL DIGEST-MD5",
      target: { id: "bench-digest", connectionString: `localhost:${digest.port}`, sessionTimeoutMs: 30_000, sasl: { mechanism: "DIGEST-MD5", username: "bench", password: "bench-password" } },
      raw: [`localhost:${digest.port}`, { sasl: { mechanism: "DIGEST-MD5", user: "bench", password: "bench-password" } }],
    },
  ];
  const rows: ReadRow[] = [];
  for (const m of members) {
    const zk = await getClient(m.target);
    await zk.create(`${NODE}-read`, Buffer.alloc(100, 1), 0).catch(() => {});
    const raw = await rawHandle(...m.raw);
    try {
      rows.push({ member: m.member, via: "ZkClient (session worker)", ...(await timeReads(() => zk.get(`${NODE}-read`))) });
      rows.push({ member: m.member, via: "raw binding, in process", ...(await timeReads(() => raw.get(`${NODE}-read`, false))) });
    } finally {
      raw.close();
      closeSession(m.target.id);
    }
  }
  return rows;
}

function readTable(rows: ReadRow[]): string {
  return [
    "| member | via | p50 ms | p99 ms |",
    "| --- | --- | ---: | ---: |",
    ...rows.map((r) => `| ${r.member} | ${r.via} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} |`),
  ].join("\n");
}

async function main() {
  let ensemble: LocalEnsemble | null = null;
  let raw: ZooKeeper | null = null;
  let server: ConsoleServer | null = null;
  let tls: Awaited<ReturnType<typeof startTlsMember>> | null = null;
  let digest: SecureMember | null = null;
  try {
    ensemble = await startEnsemble({ size: 1 });
    raw = await rawHandle(ensemble.connectionString, {});
    await raw.create(NODE, Buffer.from("v0"), 0);
    for (let i = 0; i < 5; i++) await raw.create(`${NODE}/c${i}`, Buffer.from(`child ${i}`), 0);
    server = await startConsoleServer({ port: Number(process.env.PORT ?? (await freePorts(1))[0]), env: { HEALTH_SAMPLER: "off", LOG_LEVEL: "warn" } });
    const mem = await memory(server, ensemble, raw);
    console.log(memoryTable(mem));
    await server.stop();
    server = null;

    [tls, digest] = await Promise.all([startTlsMember(), startDigestMember({ bench: "bench-password" })]);
    const reads = await securedReads(ensemble, tls, digest);
    console.log(readTable(reads));

    const target = mem.find((r) => r.what.includes("viewers"))!;
    const md = [
      "# Session workers: memory, and reads over TLS and SASL",
      "",
      `Machine: ${machine()} (2 cores shared with other work; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} at the end). ZooKeeper 3.8 on loopback. Session workers: ${process.env.ZK_SESSION_WORKERS ?? 2} (\`ZK_SESSION_WORKERS\`).`,
      "",
      "## Memory",
      "",
      "The production build (`next start`) on a throwaway database, health sampler off; 100 clusters registered on one standalone member, opened by one znode read each through the API, in this order (one server for the whole table). RSS from `/proc/<pid>/status` (VmRSS) of `next-server` and each of its session workers, 1.5 s after each step. Viewers: Server-Sent Events streams of the API (2 znodes each, 20 per cluster), read by this process; each had to receive a `dataChanged` of a change made by a raw handle before the row was taken. The last column is a bare `node` process that opens as many raw sessions (the binding alone) and reads once on each.",
      "",
      memoryTable(mem),
      "",
      `Target: 10 open clusters + ${VIEWERS} live viewers under ${LIMIT_MIB} MiB total RSS: **${target.rss.total < LIMIT_MIB ? "met" : "NOT met"}** (${f(target.rss.total)} MiB).`,
      "",
      "## Reads over TLS and SASL",
      "",
      `${READS} sequential \`get\`s of a 100-byte znode after 50 warm-up reads, on each member: through ZkClient (the call crosses to a pooled session worker and back) and through a raw handle of the same patched binding in this process. TLS: a member with only \`secureClientPort\` (Netty, \`ssl.clientAuth=need\`), CA and certificates made by the harness (test/secure-zookeeper). SASL: a member enforcing DIGEST-MD5 (JAAS file).`,
      "",
      readTable(reads),
      "",
      "Command: `NEXT_DIST_DIR=.next-binding npm run bench:sessions` (after `NEXT_DIST_DIR=.next-binding npx next build`).",
      "",
    ].join("\n");
    fs.writeFileSync(RESULTS, md);
    console.log(`\nwritten to ${path.relative(ROOT, RESULTS)}`);
  } finally {
    raw?.close();
    await server?.stop();
    await Promise.all([ensemble?.stopAll(), tls?.stop(), digest?.stop()]);
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
