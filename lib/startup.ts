import { prepareAuth } from "./auth/startup";
import { checkCredentialKey } from "./clusters/credentials";
import { assignMissingSlugs } from "./clusters/slug";
import { db } from "./core/db/client";
import { databaseProblem } from "./core/db/startup-check";
import { databaseKind, databaseUrl } from "./core/db/url";
import { startInvalidationRelay, type InvalidationRelay } from "./core/db/invalidation-relay";
import { logger } from "./core/log";
import { metricsAllowlist } from "./core/http/ip-allowlist";
import { consoleMetrics } from "./core/metrics";
import { ensureDemoCluster } from "./demo/demo-cluster";
import { startAuditCheckpoints } from "./audit/write-checkpoint";

/** Stop the server with one sentence: in the log (JSON, for collectors) and on stderr (for the operator starting it). */
function stop(component: string, sentence: string): never {
  logger(component).fatal(sentence);
  process.stderr.write(`[start-up] ${sentence}\n`);
  process.exit(1);
}

export async function startup() {
  const problem = await databaseProblem(databaseUrl(), () => db().user.findFirst({ select: { id: true } }));
  // A console without its database can neither sign anyone in nor audit a change: say why and stop.
  if (problem) stop("database", problem);
  // Several instances may share a PostgreSQL database: their caches hear of each other's writes.
  const g = globalThis as { __zkInvalidationRelay?: InvalidationRelay };
  if (databaseKind() === "postgresql") g.__zkInvalidationRelay ??= startInvalidationRelay(databaseUrl());
  await prepareAuth();
  try {
    await checkCredentialKey();
  } catch (e) {
    // Sealed credentials without their key: every session to those clusters would fail. Say why and stop.
    stop("credentials", (e as Error).message);
  }
  try {
    metricsAllowlist();
  } catch (e) {
    logger("metrics").fatal((e as Error).message);
    process.exit(1);
  }
  // The registry exists before the first request: server.mjs records every request's latency in it.
  consoleMetrics();
  await assignMissingSlugs();
  startAuditCheckpoints();
  await ensureDemoCluster();
  if (process.env.HEALTH_SAMPLER !== "off") (await import("./health/sampler")).startHealthSampler();
}
