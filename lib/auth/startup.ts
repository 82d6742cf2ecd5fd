import "server-only";
import { sealLegacyAuditRecords } from "../audit/seal-legacy";
import { ensureBootstrapAdmin } from "./bootstrap-admin";
import { assertAuthConfig } from "./config-check";

/** Refuse to start misconfigured, create the bootstrap admin, bring old audit records into the chain. */
export async function prepareAuth(): Promise<void> {
  assertAuthConfig();
  await ensureBootstrapAdmin();
  const sealed = await sealLegacyAuditRecords();
  if (sealed) console.log(`[audit] sealed ${sealed} audit records written before the hash chain`);
}
