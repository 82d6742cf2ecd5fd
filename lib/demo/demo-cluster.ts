// `npm start` on a fresh machine: when no cluster is registered, run a local
// standalone ZooKeeper as the demo cluster "local", seeded with a sample tree.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/core/db/client";
import { startEnsemble, zookeeperMissing, type LocalEnsemble } from "../ensemble/launcher";
import { getClient } from "@/lib/core/zk/sessions";
import { seedSampleTree } from "./seed";

const DEMO_NAME = "local";
const dir = () => path.join(process.cwd(), "data", "demo-zookeeper");

export async function ensureDemoCluster(): Promise<void> {
  if (process.env.DEMO_CLUSTER === "off") return;
  const clusters = await db().cluster.findMany();
  const demo = clusters.find((c) => c.name === DEMO_NAME && fs.existsSync(path.join(dir(), "demo")));
  if (clusters.length > 0 && !demo) return;
  const missing = zookeeperMissing();
  if (missing) {
    console.log(`[demo] No cluster is registered and no local ZooKeeper can be started: ${missing}\n[demo] The console runs without a demo cluster; register your own under /clusters.`);
    return;
  }
  let ensemble: LocalEnsemble;
  try {
    ensemble = await startEnsemble({ size: 1, baseDir: dir(), extendedTypesEnabled: true });
  } catch (e) {
    console.error(`[demo] could not start the demo ZooKeeper: ${(e as Error).message}`);
    return;
  }
  fs.writeFileSync(path.join(dir(), "demo"), "started by the console\n");
  const stop = () => { for (const m of ensemble.members) m.process?.kill("SIGTERM"); };
  process.once("exit", stop);
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => { stop(); process.exit(0); });

  const cluster = demo
    ? await db().cluster.update({ where: { id: demo.id }, data: { connectionString: ensemble.connectionString } })
    : await db().cluster.create({ data: { name: DEMO_NAME, connectionString: ensemble.connectionString, environment: "dev", sessionTimeoutMs: 15000 } });
  // The seeding session stays open on purpose: it owns the demo's ephemeral service instances and lock.
  const client = await getClient({ id: "demo-seed", connectionString: ensemble.connectionString, sessionTimeoutMs: 30000 });
  await seedSampleTree(client);
  console.log(`[demo] ZooKeeper demo cluster "${DEMO_NAME}" (${cluster.id}) at ${ensemble.connectionString}, sample tree seeded`);
}
