// The cluster registry's use of CLUSTER_HOST_ALLOWLIST (lib/core/host-allowlist.ts): a connection
// string's hosts and a webhook URL's host are checked before anything is stored or connects.
import { assertHostsAllowed, assertWebhookUrlAllowed } from "@/lib/core/host-allowlist";

export { assertHostsAllowed, hostRefusal, parseHostAllowlist } from "@/lib/core/host-allowlist";

/** For registration, changes and tests: checks input.connectionString and input.webhookUrl (when given) before anything connects. */
export async function screenHosts<T>(input: T): Promise<T> {
  const fields = input && typeof input === "object" ? (input as { connectionString?: unknown; webhookUrl?: unknown }) : {};
  if (typeof fields.connectionString === "string") await assertHostsAllowed(fields.connectionString);
  if (typeof fields.webhookUrl === "string" && /^https?:\/\//i.test(fields.webhookUrl.trim())) await assertWebhookUrlAllowed(fields.webhookUrl.trim());
  return input;
}
