// Registered clusters as the access layer reads them: the row, and the decrypted identities
// (cluster credentials) and TLS/SASL settings its session uses on every (re)connect, both kept in memory until the
// cluster or its credentials change (lib/core/invalidation.ts). Registering and changing clusters
// and their credentials are verbs of lib/clusters.
import "server-only";
import { db } from "@/lib/core/db/client";
import type { RequestCtx } from "@/lib/core/context";
import type { Cluster } from "@/lib/core/db/generated/prisma/client";
import { errors } from "@/lib/core/errors";
import { KeyedCache } from "@/lib/core/keyed-cache";
import type { AuthIdentity } from "@/lib/core/zk/sessions";
import type { SaslOptions, TlsOptions } from "@/lib/core/zk/session-files";
import { credentialAad, openCredential } from "./credentials-crypto";
import { credentialKey, KEY_ENV, KEY_HINT } from "./credentials-key";

const MAX_CLUSTERS = 1_000;
// Unknown ids are not kept (a load that fails is not stored): guessing ids cannot push real clusters out.
const rows = new KeyedCache<string, Cluster>(MAX_CLUSTERS).dropOn(["cluster"]);

async function loadCluster(id: string): Promise<Cluster> {
  const cluster = await db().cluster.findUnique({ where: { id } });
  if (!cluster) throw errors.clusterNotFound(id);
  return cluster;
}

/** The registered cluster, whoever asks (callers check permissions); 404 for an unknown id. Shared: never change it. */
export function getCluster(id: string): Promise<Cluster> {
  return rows.get(id, loadCluster);
}

// One lookup per request: the route's permission check and the verb's session share it.
const perRequest = new WeakMap<RequestCtx, Map<string, Promise<Cluster>>>();

/** getCluster, remembered for the rest of the request. */
export function clusterOf(ctx: RequestCtx, id: string): Promise<Cluster> {
  let seen = perRequest.get(ctx);
  if (!seen) perRequest.set(ctx, (seen = new Map()));
  let cluster = seen.get(id);
  if (!cluster) seen.set(id, (cluster = getCluster(id)));
  return cluster;
}

/** What a cluster's session presents: add_auth identities, and its TLS and SASL settings. */
export type SessionSecrets = { auth: AuthIdentity[]; tls?: TlsOptions; sasl?: SaslOptions };
type Identities = SessionSecrets & { key: Buffer | null };
const identities = new KeyedCache<string, Identities>(MAX_CLUSTERS).dropOn(["cluster", "credential"]);

type SecurityRow = { clusterId: string; tlsSecret: string | null; verifyHostname: boolean; saslMechanism: string | null; saslIdentity: string | null; saslService: string | null; saslSecret: string | null };

function openJson<T>(sealed: string, key: Buffer, aad: string, what: string, cluster: string): T {
  const plain = openCredential(sealed, key, aad);
  if (plain === null) throw errors.credentialUndecryptable(what, cluster, KEY_ENV);
  return JSON.parse(plain) as T;
}

function openSecurity(row: SecurityRow, key: Buffer, cluster: string): Pick<SessionSecrets, "tls" | "sasl"> {
  const out: Pick<SessionSecrets, "tls" | "sasl"> = {};
  if (row.tlsSecret) {
    const pems = openJson<{ caPem: string; certPem?: string; keyPem?: string }>(row.tlsSecret, key, credentialAad(row.clusterId, "tls"), "TLS settings", cluster);
    out.tls = { ...pems, verifyHostname: row.verifyHostname };
  }
  if (row.saslSecret && row.saslIdentity) {
    const secret = openJson<{ password?: string; keytabBase64?: string }>(row.saslSecret, key, credentialAad(row.clusterId, "sasl"), `SASL ${row.saslMechanism} ${row.saslIdentity}`, cluster);
    out.sasl = row.saslMechanism === "GSSAPI"
      ? { mechanism: "GSSAPI", principal: row.saslIdentity, keytabBase64: secret.keytabBase64 ?? "", ...(row.saslService ? { serviceName: row.saslService } : {}) }
      : { mechanism: "DIGEST-MD5", username: row.saslIdentity, password: secret.password ?? "" };
  }
  return out;
}

async function loadIdentities(cluster: { id: string; name: string }): Promise<Identities> {
  const [found, security] = await Promise.all([
    db().clusterCredential.findMany({ where: { clusterId: cluster.id }, orderBy: { createdAt: "asc" } }),
    db().clusterSecurity.findUnique({ where: { clusterId: cluster.id } }),
  ]);
  const sealed = found.length + (security?.tlsSecret ? 1 : 0) + (security?.saslSecret ? 1 : 0);
  if (sealed === 0) return { auth: [], key: null };
  const { key, problem } = credentialKey();
  if (!key) throw errors.credentialsLocked(cluster.name, sealed, problem, KEY_HINT);
  const auth = found.map((r) => {
    const credential = openCredential(r.secret, key, credentialAad(r.clusterId, r.scheme));
    if (credential === null) throw errors.credentialUndecryptable(r.label, cluster.name, KEY_ENV);
    return { scheme: r.scheme, credential };
  });
  return { auth, key, ...(security ? openSecurity(security, key, cluster.name) : {}) };
}

/** The decrypted identities and TLS/SASL settings of a cluster's session (decrypted once per change). */
export async function sessionSecretsOf(cluster: { id: string; name: string }): Promise<SessionSecrets> {
  const cached = identities.peek(cluster.id);
  // Sealed under another key than the one configured now (CONSOLE_SECRET_KEY changed): open them again.
  if (cached && cached.key !== null && cached.key !== credentialKey().key) identities.delete(cluster.id);
  return identities.get(cluster.id, () => loadIdentities(cluster));
}

/** The decrypted identities a cluster's session adds on every (re)connect. */
export async function sessionAuthOf(cluster: { id: string; name: string }): Promise<AuthIdentity[]> {
  return (await sessionSecretsOf(cluster)).auth;
}
