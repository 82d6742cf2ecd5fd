import { prepareAuth } from "./auth/startup";
import { checkCredentialKey } from "./clusters/credentials";
import { assignMissingSlugs } from "./clusters/slug";
import { ensureDemoCluster } from "./demo/demo-cluster";
import { startAuditCheckpoints } from "./audit/write-checkpoint";

export async function startup() {
  await prepareAuth();
  await checkCredentialKey();
  await assignMissingSlugs();
  startAuditCheckpoints();
  await ensureDemoCluster();
  if (process.env.HEALTH_SAMPLER !== "off") (await import("./health/sampler")).startHealthSampler();
}
