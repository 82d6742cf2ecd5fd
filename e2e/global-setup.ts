// A real standalone ZooKeeper with the sample tree (10k children under /big) and a deep node.
import { startEnsemble } from "../lib/ensemble/launcher";
import { seedSampleTree } from "../lib/demo/seed";
import { closeSession, getClient } from "../lib/core/zk/sessions";
import { startOidcProvider } from "./fixtures/oidc-idp";

export default async function globalSetup() {
  const ensemble = await startEnsemble({ size: 1 });
  const idp = await startOidcProvider(process.env.E2E_PORT ?? "3100"); // the console's OIDC_* point here (playwright.config.ts)
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
    await idp.stop();
    await ensemble.stopAll();
  };
}
