import "server-only";
import { installPeerAddressStamp } from "@/lib/core/http/client-ip";
import { sealLegacyAuditRecords } from "../audit/seal-legacy";
import { ensureBootstrapAdmin } from "./bootstrap-admin";
import { assertAuthConfig } from "./config-check";

/** Refuse to start misconfigured, create the bootstrap admin, bring old audit records into the chain. */
export async function prepareAuth(): Promise<void> {
  try {
    assertAuthConfig();
  } catch (e) {
    // A console that cannot sign sessions safely must not serve at all: say why and stop.
    console.error(`\n${(e as Error).message}\n`);
    process.exit(1);
  }
  // Before the first request: the rate limit and the audit trail take the client's address from it.
  installPeerAddressStamp();
  await ensureBootstrapAdmin();
  const sealed = await sealLegacyAuditRecords();
  if (sealed) console.log(`[audit] sealed ${sealed} audit records written before the hash chain`);
}
