// Search over 100,000 znodes (the console's pipelined walk vs a sequential raw-client walk doing
// the same matching) and a diff of 2 x 100,000 znodes on two ZooKeepers, in the same run.
// Run: npx tsx --conditions=react-server bench/search-diff.ts [count]
import fs from "node:fs";
import os from "node:os";
import { benchDatabase, machine } from "./setup";
import { plant, wideTree } from "../test/support/corpus";

const COUNT = Number(process.argv[2] ?? 100_000);

async function drain(rows: AsyncGenerator<{ type: string }>): Promise<Record<string, unknown>> {
  let last: Record<string, unknown> = {};
  for await (const r of rows) if (r.type === "done") last = r as Record<string, unknown>;
  return last;
}

async function main() {
  benchDatabase();
  const { startEnsemble } = await import("../lib/ensemble/launcher");
  const { createCluster } = await import("../lib/clusters/registry");
  const { getClient, closeSession } = await import("../lib/core/zk/sessions");
  const { searchTree, matcherOf } = await import("../lib/search");
  const { diffTrees } = await import("../lib/diff");
  const { requestCtx } = await import("../lib/access/request-ctx");
  const ctx = requestCtx({ actor: { id: "bench", username: "bench", name: "bench", role: "admin", provider: "bench" }, sourceIp: null });
  const [a, b] = await Promise.all([startEnsemble({ size: 1 }), startEnsemble({ size: 1 })]);
  const left = await createCluster({ name: "bench-left", connectionString: a.connectionString, sessionTimeoutMs: 30_000 });
  const right = await createCluster({ name: "bench-right", connectionString: b.connectionString, sessionTimeoutMs: 30_000 });
  const rawA = await getClient({ id: "bench-raw-a", connectionString: a.connectionString, sessionTimeoutMs: 30_000 });
  const rawB = await getClient({ id: "bench-raw-b", connectionString: b.connectionString, sessionTimeoutMs: 30_000 });
  const rows: [string, number, number, string][] = [];
  const loadAtStart = os.loadavg()[0].toFixed(1);
  const time = async <T>(label: string, n: number, fn: () => Promise<T>, note: (r: T) => string = () => "") => {
    const t = performance.now();
    const r = await fn();
    const s = (performance.now() - t) / 1000;
    rows.push([label, n, s, note(r)]);
    console.log(`${label}: ${n} znodes in ${s.toFixed(1)} s ${note(r)}`);
  };

  const leaves = 1000;
  const branches = Math.ceil(COUNT / leaves);
  const value = (br: number, l: number) => Buffer.from(`{"host":"db-${br}-${l}.example","port":${5000 + l}}`);
  const total = 1 + branches + branches * leaves;
  await time("seed both sides (multi batches of 1000)", 2 * total, () => Promise.all([plant(rawA, wideTree("/b", branches, leaves, value)), plant(rawB, wideTree("/b", branches, leaves, (br, l) => (l === 500 ? Buffer.from("changed") : value(br, l))))]));

  const q = { path: "/b", q: "db-7-77.", maxNodes: String(total), maxMs: "300000" };
  await time("console search, names and values (64 in flight)", total, () => searchTree({ ctx, clusterId: left.id, input: q }).then(drain), (d) => `${d.matches} match(es)`);
  await time("console search, regex (RE2)", total, () => searchTree({ ctx, clusterId: left.id, input: { ...q, q: "db-7-7[0-9]\\.", regex: "true" } }).then(drain), (d) => `${d.matches} match(es)`);
  await time("raw sequential walk (get + get_children, same matcher)", total, async () => {
    const m = matcherOf(q.q, false);
    let found = 0;
    const visit = async (path: string): Promise<void> => {
      const { data, stat } = await rawA.get(path);
      if (m.text(data.toString("utf8")) || m.text(path.slice(path.lastIndexOf("/") + 1))) found++;
      if (stat.numChildren === 0) return;
      for (const c of (await rawA.children(path)).children) await visit(`${path}/${c}`);
    };
    await visit("/b");
    return found;
  }, (n) => `${n} match(es)`);
  await time("console diff, 2 sides (64 in flight each)", 2 * total, () => diffTrees({ ctx, input: { left: `${left.id}:/b`, right: `${right.id}:/b`, maxNodes: String(total) } }).then(drain), (d) => `${d.changed} changed`);
  const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);

  const table = [
    `# Search and diff over ${total.toLocaleString("en")} znodes`,
    "",
    `Machine: ${machine()}. Standalone ZooKeeper 3.8 on loopback (two for the diff). Command: \`npx tsx --conditions=react-server bench/search-diff.ts ${COUNT}\`. RSS of the benchmark process at the end: ${rss} MiB. Load average (1 min) at start ${loadAtStart}, at end ${os.loadavg()[0].toFixed(1)}.`,
    "",
    "| operation | znodes | seconds | znodes/s | result |",
    "| --- | ---: | ---: | ---: | --- |",
    ...rows.map(([l, n, s, r]) => `| ${l} | ${n} | ${s.toFixed(1)} | ${Math.round(n / s)} | ${r} |`),
    "",
  ].join("\n");
  console.log("\n" + table);
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/search-diff.md", table);
  for (const id of ["bench-raw-a", "bench-raw-b", left.id, right.id]) closeSession(id);
  await Promise.all([a.stopAll(), b.stopAll()]);
  process.exit(0);
}

main().catch((e) => { console.error(e); process.exit(1); });
