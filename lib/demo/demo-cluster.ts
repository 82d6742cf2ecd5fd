// `npm start` on a fresh machine: when no cluster is registered, run a local
// standalone ZooKeeper as the demo cluster "local", seeded with a sample tree.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/core/db/client";
import { startEnsemble, zookeeperMissing, type LocalEnsemble } from "../ensemble/launcher";
import { getClient } from "@/lib/core/zk/sessions";
import { seedSampleTree } from "./seed";
import { logger } from "@/lib/core/log";

const log = logger("demo");

const DEMO_NAME = "local";
const dir = () => path.join(process.cwd(), "data", "demo-zookeeper");

export async function ensureDemoCluster(): Promise<void> {
  if (process.env.DEMO_CLUSTER === "off") return;
  const clusters = await db().cluster.findMany();
  const demo = clusters.find((c) => c.name === DEMO_NAME && fs.existsSync(path.join(dir(), "demo")));
  if (clusters.length > 0 && !demo) return;
  const missing = zookeeperMissing();
  if (missing) {
    log.info({ missing }, `no cluster is registered and no local ZooKeeper can be started (${missing}); the console runs without a demo cluster, register your own under /clusters`);
    return;
  }
  let ensemble: LocalEnsemble;
  try {
    ensemble = await startEnsemble({ size: 1, baseDir: dir(), extendedTypesEnabled: true });
  } catch (e) {
    log.error({ err: e }, "could not start the demo ZooKeeper");
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
  log.info({ cluster: DEMO_NAME, clusterId: cluster.id, connectionString: ensemble.connectionString }, "demo cluster started, sample tree seeded");
}
