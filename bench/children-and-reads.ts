// Benchmark through the console's HTTP API against its own local ZooKeeper:
//  (a) list 100,000 children in pages of 1000, (b) 1,000 sequential znode reads,
//  compared with the same reads through the raw binding in this process.
//   npm run bench                     starts the built console (NEXT_DIST_DIR, default .next) on a throwaway database
//   BASE_URL=http://127.0.0.1:3000 ADMIN_USERNAME=admin ADMIN_PASSWORD=... npm run bench   against a running one
import fs from "node:fs";
import path from "node:path";
import ZooKeeper from "zookeeper";
import { startEnsemble, type LocalEnsemble } from "../lib/ensemble/launcher";
import { closeSession, getClient } from "../lib/core/zk/sessions";
import { createMany } from "../lib/demo/seed";
import { ADMIN, startConsoleServer, type ConsoleServer } from "../test/faults/console-server";
import { HttpSession } from "../test/faults/http-session";
import { freePorts } from "../lib/ensemble/ports";
import { machine } from "./setup";

let BASE_URL = (process.env.BASE_URL ?? "").replace(/\/$/, "");
let USERNAME = process.env.ADMIN_USERNAME ?? "admin";
let PASSWORD = process.env.ADMIN_PASSWORD ?? "";
const CHILDREN = 100_000;
const PAGE = 1000;
const READS = 1000;
const RESULTS = path.join(path.dirname(new URL(import.meta.url).pathname), "results", "children-and-reads.md");

// ---- the console's API over HTTP -------------------------------------------
let api: HttpSession;

/** One API call; anything but 2xx stops the benchmark with what the console said. */
async function call<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T> {
  const res = await api.request(method, urlPath, body);
  if (res.status < 200 || res.status > 299) throw new Error(`${method} ${urlPath}: HTTP ${res.status} ${res.error ?? JSON.stringify(res.body).slice(0, 500)}`);
  return res.body as T;
}

// ---- stats -------------------------------------------------------------------
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: pct(s, 50), p99: pct(s, 99), total: samples.reduce((a, b) => a + b, 0), n: samples.length };
}
const ms = (x: number) => x.toFixed(2);
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

// ---- main --------------------------------------------------------------------
async function main() {
  let ensemble: LocalEnsemble | null = null;
  let handle: InstanceType<typeof ZooKeeper> | null = null;
  let clusterId: string | null = null;
  let server: ConsoleServer | null = null;
  try {
    if (!BASE_URL) {
      server = await startConsoleServer({ port: (await freePorts(1))[0] });
      ({ baseUrl: BASE_URL } = server);
      ({ username: USERNAME, password: PASSWORD } = ADMIN);
    }
    if (!PASSWORD) throw new Error("set ADMIN_PASSWORD (and ADMIN_USERNAME if not admin) to log in to the console");
    api = new HttpSession(BASE_URL);
    await api.login(USERNAME, PASSWORD);
    console.log(`logged in to ${BASE_URL} as ${USERNAME}`);

    ensemble = await startEnsemble({ size: 1 });
    console.log(`ZooKeeper standalone at ${ensemble.connectionString}`);

    // The raw binding in this process is the baseline; seeding goes through a console session.
    handle = new ZooKeeper({ connect: ensemble.connectionString, timeout: 30_000, debug_level: ZooKeeper.constants.ZOO_LOG_LEVEL_ERROR, host_order_deterministic: false, response_counter_limit: 2_000_000_000 } as ConstructorParameters<typeof ZooKeeper>[0]);
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error("raw client did not connect")), 30_000);
      handle!.once("connect", () => { clearTimeout(t); resolve(); });
      handle!.init({});
    });
    const raw = { get: (p: string) => handle!.get(p, false) };
    const seeder = await getClient({ id: "bench-seed", connectionString: ensemble.connectionString, sessionTimeoutMs: 30_000 });

    const { cluster } = await call<{ cluster: { id: string } }>("POST", "/api/v1/clusters", { name: `bench-${Date.now()}`, connectionString: ensemble.connectionString, sessionTimeoutMs: 30_000, environment: "test" });
    clusterId = cluster.id;
    console.log(`registered cluster ${clusterId}`);

    for (const p of ["/bench", "/bench/many", "/bench/reads"]) await seeder.create(p, Buffer.alloc(0), 0);
    // Short names keep the full child list (one getChildren reply) under ZooKeeper's 1 MB jute.maxbuffer.
    let [, seedMs] = await timed(() => createMany(seeder, "/bench/many", CHILDREN, (i) => `c${String(i).padStart(5, "0")}`, 200));
    console.log(`seeded ${CHILDREN} children in ${(seedMs / 1000).toFixed(1)} s`);
    [, seedMs] = await timed(() => createMany(seeder, "/bench/reads", READS, (i) => `n${String(i).padStart(4, "0")}`, 100));
    console.log(`seeded ${READS} small znodes in ${(seedMs / 1000).toFixed(1)} s`);
    const readPaths = Array.from({ length: READS }, (_, i) => `/bench/reads/n${String(i).padStart(4, "0")}`);

    // Warm-up: session and route compilation are not what we measure.
    await call("GET", `/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent(readPaths[0])}`);
    await raw.get(readPaths[0]);

    // (a) list all children in pages of 1000
    const pageTimes: number[] = [];
    const seen = new Set<string>();
    const [, listTotal] = await timed(async () => {
      for (let offset = 0; offset < CHILDREN; offset += PAGE) {
        const [page, t] = await timed(async () =>
          call<{ total: number; children: string[] }>("GET", `/api/v1/clusters/${clusterId}/children?path=/bench/many&offset=${offset}&limit=${PAGE}`),
        );
        pageTimes.push(t);
        if (page.total !== CHILDREN) throw new Error(`page at ${offset} reports total ${page.total}, expected ${CHILDREN}`);
        for (const c of page.children) seen.add(c);
      }
    });
    if (seen.size !== CHILDREN) throw new Error(`listed ${seen.size} distinct children, expected ${CHILDREN}`);

    // (b) 1,000 sequential reads through the API, then through the raw client
    const apiReads: number[] = [];
    for (const p of readPaths) {
      const [, t] = await timed(() => call("GET", `/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent(p)}`));
      apiReads.push(t);
    }
    const rawReads: number[] = [];
    for (const p of readPaths) {
      const [, t] = await timed(() => raw.get(p));
      rawReads.push(t);
    }

    const pages = summary(pageTimes);
    const viaApi = summary(apiReads);
    const base = summary(rawReads);
    const table = [
      `# children-and-reads`,
      ``,
      `${machine()} · console ${BASE_URL} · ZooKeeper 3.8 standalone on loopback · ${CHILDREN.toLocaleString("en")} children, ${READS} reads`,
      ``,
      `| measurement | n | total (ms) | p50 (ms) | p99 (ms) | API / raw (p50) | API / raw (p99) |`,
      `|---|---:|---:|---:|---:|---:|---:|`,
      `| list ${CHILDREN.toLocaleString("en")} children via API, pages of ${PAGE} | ${pages.n} | ${ms(listTotal)} | ${ms(pages.p50)} | ${ms(pages.p99)} | – | – |`,
      `| read znode via API (sequential) | ${viaApi.n} | ${ms(viaApi.total)} | ${ms(viaApi.p50)} | ${ms(viaApi.p99)} | ${(viaApi.p50 / base.p50).toFixed(1)}× | ${(viaApi.p99 / base.p99).toFixed(1)}× |`,
      `| read znode via the raw binding (sequential) | ${base.n} | ${ms(base.total)} | ${ms(base.p50)} | ${ms(base.p99)} | 1.0× | 1.0× |`,
      ``,
      `The API read also fetches the ACL and formats data/Stat; the raw read is one getData.`,
      ``,
    ].join("\n");
    console.log("\n" + table);
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, table);
    console.log(`written to ${RESULTS}`);
  } finally {
    if (clusterId) {
      try {
        await call("DELETE", `/api/v1/clusters/${clusterId}`);
      } catch (e) {
        console.error(`could not delete cluster ${clusterId}:`, e);
      }
    }
    closeSession("bench-seed");
    if (handle) {
      try { handle.close(); } catch { /* already closed */ }
    }
    await ensemble?.stopAll();
    await server?.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
