// The secured members the tests need: TLS-only with mutual TLS, and SASL-enforced (DIGEST-MD5
// from a JAAS file, or Kerberos GSSAPI against a test KDC).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kdc } from "./kdc";
import { makePki, STORE_PASSWORD, type CertPair, type Pki } from "./pki";
import { startSecureMember, type SecureMember } from "./server";

export type TlsMember = SecureMember & { pki: Pki };

/** A member serving clients only on `secureClientPort` (Netty), requiring a client certificate. */
export async function startTlsMember(opts: { pki?: Pki; serverCert?: (pki: Pki) => CertPair } = {}): Promise<TlsMember> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zk-tls-"));
  const pki = opts.pki ?? makePki(path.join(dir, "pki"));
  const serverCert = (opts.serverCert ?? ((p) => p.server))(pki);
  const member = await startSecureMember({
    dir,
    config: (port) => ({
      secureClientPort: port,
      serverCnxnFactory: "org.apache.zookeeper.server.NettyServerCnxnFactory",
      "ssl.keyStore.location": pki.keyStore(serverCert),
      "ssl.keyStore.password": STORE_PASSWORD,
      "ssl.keyStore.type": "PKCS12",
      "ssl.trustStore.location": pki.trustStore,
      "ssl.trustStore.password": STORE_PASSWORD,
      "ssl.trustStore.type": "PKCS12",
      "ssl.clientAuth": "need",
      // The server checks the client's chain, not its host name (the console's address varies).
      "ssl.clientHostnameVerification": "false",
    }),
    jvmFlags: ["-Dzookeeper.serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory"],
    tlsProbe: { ca: pki.ca.certPem, cert: pki.client.certPem, key: pki.client.keyPem },
  });
  return { ...member, pki };
}

const saslConfig = {
  "authProvider.1": "org.apache.zookeeper.server.auth.SASLAuthenticationProvider",
  "enforce.auth.enabled": "true",
  "enforce.auth.schemes": "sasl",
};

/** A member that refuses every session without SASL; DIGEST-MD5 users from a JAAS file. */
export async function startDigestMember(users: Record<string, string>): Promise<SecureMember> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zk-digest-"));
  const jaas = path.join(dir, "jaas.conf");
  const entries = Object.entries(users).map(([u, p]) => `  user_${u}="${p}"`).join("\n");
  fs.writeFileSync(jaas, `Server {\n  org.apache.zookeeper.server.auth.DigestLoginModule required\n${entries};\n};\n`);
  return startSecureMember({ dir, config: (port) => ({ clientPort: port, ...saslConfig }), jvmFlags: [`-Djava.security.auth.login.config=${jaas}`] });
}

/** A member authenticating clients with Kerberos (service principal zookeeper/localhost) from `kdc`. */
export async function startKerberosMember(kdc: Kdc): Promise<SecureMember> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zk-krb5-"));
  const principal = `zookeeper/localhost@${kdc.realm}`;
  const keytab = kdc.addPrincipal(principal, path.join(dir, "zookeeper.keytab"));
  const jaas = path.join(dir, "jaas.conf");
  fs.writeFileSync(jaas, `Server {\n  com.sun.security.auth.module.Krb5LoginModule required\n  useKeyTab=true\n  keyTab="${keytab}"\n  storeKey=true\n  useTicketCache=false\n  isInitiator=false\n  principal="${principal}";\n};\n`);
  return startSecureMember({
    dir,
    config: (port) => ({ clientPort: port, ...saslConfig }),
    jvmFlags: [`-Djava.security.auth.login.config=${jaas}`, `-Djava.security.krb5.conf=${kdc.krb5Conf}`],
  });
}
