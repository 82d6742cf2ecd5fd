import "server-only";
import { installPeerAddressStamp } from "@/lib/core/http/client-ip";
import { sealLegacyAuditRecords } from "../audit/seal-legacy";
import { ensureBootstrapAdmin } from "./bootstrap-admin";
import { assertAuthConfig } from "./config-check";
import { logger } from "@/lib/core/log";

const log = logger("auth");

/** Refuse to start misconfigured, create the bootstrap admin, bring old audit records into the chain. */
export async function prepareAuth(): Promise<void> {
  try {
    assertAuthConfig();
  } catch (e) {
    // A console that cannot sign sessions safely must not serve at all: say why and stop.
    log.fatal((e as Error).message);
    process.exit(1);
  }
  // Before the first request: the rate limit and the audit trail take the client's address from it.
  installPeerAddressStamp();
  await ensureBootstrapAdmin();
  const sealed = await sealLegacyAuditRecords();
  if (sealed) log.info({ sealed }, "sealed audit records written before the hash chain");
}
