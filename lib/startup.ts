import { prepareAuth } from "./auth/startup";
import { checkCredentialKey } from "./clusters/credentials";
import { assignMissingSlugs } from "./clusters/slug";
import { db } from "./core/db/client";
import { databaseProblem } from "./core/db/startup-check";
import { databaseUrl } from "./core/db/url";
import { logger } from "./core/log";
import { ensureDemoCluster } from "./demo/demo-cluster";
import { startAuditCheckpoints } from "./audit/write-checkpoint";

export async function startup() {
  const problem = await databaseProblem(databaseUrl(), () => db().user.findFirst({ select: { id: true } }));
  if (problem) {
    // A console without its database can neither sign anyone in nor audit a change: say why and stop.
    logger("database").fatal(problem);
    process.exit(1);
  }
  await prepareAuth();
  await checkCredentialKey();
  await assignMissingSlugs();
  startAuditCheckpoints();
  await ensureDemoCluster();
  if (process.env.HEALTH_SAMPLER !== "off") (await import("./health/sampler")).startHealthSampler();
}
