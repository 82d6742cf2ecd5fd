// A real standalone ZooKeeper with the sample tree (10k children under /big) and a deep node.
import { startEnsemble } from "../lib/ensemble/launcher";
import { seedSampleTree } from "../lib/demo/seed";
import { closeSession, getClient } from "../lib/zk/sessions";

export default async function globalSetup() {
  const ensemble = await startEnsemble({ size: 1 });
  process.env.E2E_ZK = ensemble.connectionString;
  const client = await getClient({ id: "e2e-seed", connectionString: ensemble.connectionString, sessionTimeoutMs: 30000 });
  await seedSampleTree(client, { bigChildren: 10_000 });
  let path = "";
  for (const seg of ["deep", "level-1", "level-2", "level-3", "level-4", "leaf"]) {
    path += `/${seg}`;
    await client.create(path, Buffer.from(seg === "leaf" ? '{"answer":42}' : ""), 0).catch(() => {});
  }
  return async () => {
    closeSession("e2e-seed");
    await ensemble.stopAll();
  };
}
