import { prepareAuth } from "./auth/startup";
import { checkCredentialKey } from "./clusters/credentials";
import { ensureDemoCluster } from "./demo/demo-cluster";

export async function startup() {
  await prepareAuth();
  await checkCredentialKey();
  await ensureDemoCluster();
  if (process.env.HEALTH_SAMPLER !== "off") (await import("./health/sampler")).startHealthSampler();
}
