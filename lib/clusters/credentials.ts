// Per-cluster ZooKeeper credentials (add_auth identities): stored sealed with AES-256-GCM, given to
// the cluster's session on every (re)connect, shown to admins only as scheme + label, and
// recorded in the audit trail as "credentials changed" without their value.
import "server-only";
import { authorize } from "@/lib/access/permissions";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import { db } from "@/lib/core/db/client";
import { errors } from "@/lib/core/errors";
import type { RequestCtx } from "@/lib/core/context";
import { credentialAad, openCredential, sealCredential } from "@/lib/access/credentials-crypto";
import { credentialKey, KEY_ENV, KEY_HINT } from "@/lib/access/credentials-key";
import { credentialInput, credentialLabel } from "./credentials-schema";
import { clusterOf } from "@/lib/access/clusters";
import { sealedSecrets } from "./sealed-secrets";

export type CredentialView = { id: string; scheme: string; label: string; createdAt: Date };

const view = (c: { id: string; scheme: string; label: string; createdAt: Date }): CredentialView => ({ id: c.id, scheme: c.scheme, label: c.label, createdAt: c.createdAt });

/** Admins of the whole cluster: these identities act for every user of the console on it. */
async function adminCluster(ctx: RequestCtx, clusterId: string) {
  const cluster = await clusterOf(ctx, clusterId);
  authorize(ctx.actor, "admin", cluster, "/");
  return cluster;
}

export async function listCredentials({ ctx, clusterId }: { ctx: RequestCtx; clusterId: string }): Promise<CredentialView[]> {
  await adminCluster(ctx, clusterId);
  const rows = await db().clusterCredential.findMany({ where: { clusterId }, orderBy: { createdAt: "asc" } });
  return rows.map(view);
}

export async function addCredential({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }): Promise<CredentialView> {
  const cluster = await adminCluster(ctx, clusterId);
  const c = credentialInput.parse(input);
  const { key, problem } = credentialKey();
  if (!key) throw errors.secretKeyMissing(problem, KEY_HINT);
  const label = credentialLabel(c);
  const secret = sealCredential(c.credential, key, credentialAad(clusterId, c.scheme));
  const created = await auditedDbChange(ctx,
    { operation: "credentials_changed", cluster: { id: cluster.id, name: cluster.name }, details: { change: "added", scheme: c.scheme, label } },
    (tx) => tx.clusterCredential.create({ data: { clusterId, scheme: c.scheme, label, secret } }));
  // The next request opens a new session with it: the session target's auth list changed.
  return view(created);
}

export async function removeCredential({ ctx, clusterId, credentialId }: { ctx: RequestCtx; clusterId: string; credentialId: string }): Promise<void> {
  const cluster = await adminCluster(ctx, clusterId);
  const row = await db().clusterCredential.findFirst({ where: { id: credentialId, clusterId } });
  if (!row) throw errors.notFound(`cluster "${cluster.name}" has no credential with id ${JSON.stringify(credentialId)}`);
  await auditedDbChange(ctx,
    { operation: "credentials_changed", cluster: { id: cluster.id, name: cluster.name }, details: { change: "removed", scheme: row.scheme, label: row.label } },
    (tx) => tx.clusterCredential.delete({ where: { id: row.id } }));
}

/** Start-up check: stored credentials and TLS/SASL secrets need the key they were sealed with. Throws a clear error otherwise. */
export async function checkCredentialKey(): Promise<void> {
  const rows = await sealedSecrets(db());
  if (rows.length === 0) return;
  const { key, problem } = credentialKey();
  if (!key) throw new Error(`[credentials] ${rows.length} ZooKeeper cluster credential(s) are stored encrypted, but ${problem} (credentials, TLS and SASL settings are sealed with it): ${KEY_HINT} (the key or passphrase they were stored with). Without it the console cannot connect to those clusters with their credentials.`);
  const unreadable = rows.filter((r) => openCredential(r.secret, key, r.aad) === null);
  if (unreadable.length) {
    throw new Error(`[credentials] ${KEY_ENV} does not decrypt ${unreadable.length} of ${rows.length} stored cluster credential(s) or TLS/SASL secret(s) (e.g. "${unreadable[0].label}"): it is not the key or passphrase they were stored with.`);
  }
}
