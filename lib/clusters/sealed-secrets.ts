// Everything stored sealed under CONSOLE_SECRET_KEY, in one list: cluster credentials and the
// TLS and SASL settings. The start-up key check and secrets:rotate both read it, so a new kind of
// sealed secret cannot be checked by one and forgotten by the other.
import "server-only";
import type { Prisma } from "@/lib/core/db/generated/prisma/client";
import { credentialAad } from "@/lib/access/credentials-crypto";

type Client = Pick<Prisma.TransactionClient, "clusterCredential" | "clusterSecurity">;

export type SealedSecret = { label: string; secret: string; aad: string; write: (tx: Client, sealed: string) => Promise<unknown> };

export async function sealedSecrets(client: Client): Promise<SealedSecret[]> {
  const credentials = await client.clusterCredential.findMany({ select: { id: true, clusterId: true, scheme: true, label: true, secret: true }, orderBy: { id: "asc" } });
  const security = await client.clusterSecurity.findMany({ select: { clusterId: true, tlsSecret: true, saslSecret: true, saslMechanism: true, saslIdentity: true }, orderBy: { clusterId: "asc" } });
  return [
    ...credentials.map((r) => ({
      label: r.label, secret: r.secret, aad: credentialAad(r.clusterId, r.scheme),
      write: (tx: Client, secret: string) => tx.clusterCredential.update({ where: { id: r.id }, data: { secret } }),
    })),
    ...security.flatMap((r) => [
      ...(r.tlsSecret ? [{
        label: "TLS settings", secret: r.tlsSecret, aad: credentialAad(r.clusterId, "tls"),
        write: (tx: Client, tlsSecret: string) => tx.clusterSecurity.update({ where: { clusterId: r.clusterId }, data: { tlsSecret } }),
      }] : []),
      ...(r.saslSecret ? [{
        label: `SASL ${r.saslMechanism} ${r.saslIdentity}`, secret: r.saslSecret, aad: credentialAad(r.clusterId, "sasl"),
        write: (tx: Client, saslSecret: string) => tx.clusterSecurity.update({ where: { clusterId: r.clusterId }, data: { saslSecret } }),
      }] : []),
    ]),
  ];
}
