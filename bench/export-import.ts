// Export and import of 100,000 znodes through lib/znodes (pipelined, bounded concurrency)
// against a plain sequential loop of the raw client, in the same run.
// Run: npx tsx --conditions=react-server bench/export-import.ts [count]
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { benchDatabase, machine } from "./setup";
import { actorCtx } from "../test/support/actors";

const COUNT = Number(process.argv[2] ?? 100_000);

async function main() {
  benchDatabase();
  const { startEnsemble } = await import("../lib/ensemble/launcher");
  const { createCluster } = await import("../lib/clusters/registry");
  const { getClient, closeSession } = await import("../lib/core/zk/sessions");
  const { createMany } = await import("../lib/demo/seed");
  const { exportSubtree, importSubtree } = await import("../lib/znodes");
  const zk = await startEnsemble({ size: 1 });
  const cluster = await createCluster({ name: "bench", connectionString: zk.connectionString, sessionTimeoutMs: 30_000 });
  const raw = await getClient({ id: "bench-raw", connectionString: zk.connectionString, sessionTimeoutMs: 30_000 });
  const { requestCtx } = await import("../lib/access/request-ctx");
  const ctx = requestCtx({ actor: { id: "bench", username: "bench", name: "bench", role: "admin", provider: "bench" }, sourceIp: null });
  const rows: [string, number, number][] = [];
  const time = async (label: string, n: number, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    const s = (performance.now() - t) / 1000;
    rows.push([label, n, s]);
    console.log(`${label}: ${n} znodes in ${s.toFixed(1)} s`);
  };

  // 100 parents x 1,000 children, values of ~40 bytes
  await raw.create("/src", Buffer.alloc(0), 0);
  const parents = Math.ceil(COUNT / 1000);
  await time("seed (pipelined create)", COUNT, async () => {
    for (let p = 0; p < parents; p++) {
      await raw.create(`/src/p${p}`, Buffer.from(`parent ${p}`), 0);
      await createMany(raw, `/src/p${p}`, Math.min(1000, COUNT - p * 1000) - 1, (i) => `n${i}`, 128);
    }
  });

  let file = "";
  await time("console export (streamed, 64 in flight)", COUNT + 1, async () => {
    file = await new Response(await exportSubtree({ ctx: actorCtx("viewer"), clusterId: cluster.id, input: { path: "/src", acl: "false" } })).text();
  });
  const parsed = JSON.parse(file);

  await time("raw sequential read loop (get + get_children)", COUNT + 1, async () => {
    const visit = async (path: string): Promise<void> => {
      await raw.get(path);
      const { children } = await raw.children(path);
      for (const c of children) await visit(`${path}/${c}`);
    };
    await visit("/src");
  });

  await time("console import (dry run + write, 64 in flight)", COUNT + 1, async () => {
    await importSubtree({ ctx, clusterId: cluster.id, query: { path: "/imported", dryRun: "false" }, body: parsed });
  });

  await time("raw sequential create loop", COUNT + 1, async () => {
    await raw.create("/seq", Buffer.alloc(0), 0);
    for (const n of parsed.nodes.slice(1)) await raw.create(`/seq/${n.path}`, Buffer.from(n.data, n.encoding === "utf8" ? "utf8" : "base64"), 0);
  });

  const table = [
    `# Export / import of ${COUNT.toLocaleString("en")} znodes`,
    "",
    `Machine: ${machine()}. Standalone ZooKeeper 3.8 on loopback. Command: \`npx tsx --conditions=react-server bench/export-import.ts ${COUNT}\``,
    "",
    "| operation | znodes | seconds | znodes/s |",
    "| --- | ---: | ---: | ---: |",
    ...rows.map(([l, n, s]) => `| ${l} | ${n} | ${s.toFixed(1)} | ${Math.round(n / s)} |`),
    "",
  ].join("\n");
  console.log("\n" + table);
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/export-import.md", table);
  closeSession("bench-raw");
  closeSession(cluster.id);
  await zk.stopAll();
  process.exit(0);
}

main().catch((e) => { console.error(e); process.exit(1); });
