// Test PKI made with the real tools: a CA, server and client certificates signed by it, an
// expired client certificate, an expired server certificate, a second (untrusted) CA with its own client certificate, and the
// server's PKCS12 key and trust stores (openssl pkcs12, keytool) for a TLS ZooKeeper member.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const STORE_PASSWORD = "zk-console-test";

export type CertPair = { certPem: string; keyPem: string; certPath: string; keyPath: string };
export type Pki = {
  dir: string;
  ca: CertPair;
  server: CertPair;
  client: CertPair;
  /** Signed by the CA, valid from 2020-01-01 to 2020-01-02. */
  expiredClient: CertPair;
  /** Server certificate for localhost signed by the CA, valid from 2020-01-01 to 2020-01-02. */
  expiredServer: CertPair;
  /** Server certificate naming another host (hostname verification must refuse it). */
  otherHostServer: CertPair;
  otherCa: CertPair;
  /** Signed by otherCa (the server does not trust it). */
  strangerClient: CertPair;
  keyStore: (server: CertPair) => string;
  trustStore: string;
};

const openssl = (dir: string, args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
const pair = (dir: string, name: string): CertPair => ({
  certPath: path.join(dir, `${name}.crt`),
  keyPath: path.join(dir, `${name}.key`),
  certPem: fs.readFileSync(path.join(dir, `${name}.crt`), "utf8"),
  keyPem: fs.readFileSync(path.join(dir, `${name}.key`), "utf8"),
});

function makeCa(dir: string, name: string, subject: string): CertPair {
  openssl(dir, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.crt`, "-days", "2", "-subj", subject,
    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
  return pair(dir, name);
}

/** A leaf signed by `ca` through `openssl ca`, which can set any validity window. */
function makeLeaf(dir: string, ca: CertPair, name: string, cn: string, san: string, usage: string, dates?: { start: string; end: string }): CertPair {
  openssl(dir, ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${cn}`]);
  const db = path.join(dir, `${name}-ca`);
  fs.mkdirSync(db, { recursive: true });
  fs.writeFileSync(path.join(db, "index.txt"), "");
  fs.writeFileSync(path.join(db, "ext.cnf"), `[leaf]\nsubjectAltName=${san}\nextendedKeyUsage=${usage}\nbasicConstraints=CA:FALSE\n`);
  fs.writeFileSync(path.join(db, "ca.cnf"), [
    "[ca]", "default_ca=test", "[test]", `dir=${db}`, "database=$dir/index.txt", "new_certs_dir=$dir", "serial=$dir/serial",
    "default_md=sha256", "policy=any", "copy_extensions=none", "unique_subject=no", "[any]", "commonName=supplied", "",
  ].join("\n"));
  fs.writeFileSync(path.join(db, "serial"), `01${crypto.randomBytes(7).toString("hex")}\n`);
  const validity = dates ? ["-startdate", dates.start, "-enddate", dates.end] : ["-days", "2"];
  openssl(dir, ["ca", "-batch", "-config", path.join(db, "ca.cnf"), "-cert", ca.certPath, "-keyfile", ca.keyPath, "-in", `${name}.csr`, "-out", `${name}.crt`,
    "-notext", "-extfile", path.join(db, "ext.cnf"), "-extensions", "leaf", ...validity]);
  return pair(dir, name);
}

export function makePki(dir: string): Pki {
  fs.mkdirSync(dir, { recursive: true });
  const ca = makeCa(dir, "ca", "/CN=zk-console test CA");
  const otherCa = makeCa(dir, "other-ca", "/CN=someone else's CA");
  const server = makeLeaf(dir, ca, "server", "localhost", "DNS:localhost,IP:127.0.0.1", "serverAuth,clientAuth");
  const expiredServer = makeLeaf(dir, ca, "expired-server", "localhost", "DNS:localhost,IP:127.0.0.1", "serverAuth,clientAuth", { start: "20200101000000Z", end: "20200102000000Z" });
  const otherHostServer = makeLeaf(dir, ca, "other-host-server", "zk.elsewhere.test", "DNS:zk.elsewhere.test", "serverAuth,clientAuth");
  const client = makeLeaf(dir, ca, "client", "zk-console", "DNS:localhost,IP:127.0.0.1", "clientAuth");
  const expiredClient = makeLeaf(dir, ca, "expired-client", "zk-console-expired", "DNS:localhost,IP:127.0.0.1", "clientAuth", { start: "20200101000000Z", end: "20200102000000Z" });
  const strangerClient = makeLeaf(dir, otherCa, "stranger-client", "stranger", "DNS:localhost,IP:127.0.0.1", "clientAuth");

  const trustStore = path.join(dir, "truststore.p12");
  execFileSync("keytool", ["-importcert", "-noprompt", "-alias", "ca", "-file", ca.certPath, "-keystore", trustStore, "-storetype", "PKCS12", "-storepass", STORE_PASSWORD], { stdio: "pipe" });
  const keyStore = (leaf: CertPair) => {
    const out = leaf.certPath.replace(/\.crt$/, ".p12");
    if (!fs.existsSync(out)) openssl(dir, ["pkcs12", "-export", "-in", leaf.certPath, "-inkey", leaf.keyPath, "-certfile", ca.certPath, "-name", "server", "-out", out, "-passout", `pass:${STORE_PASSWORD}`]);
    return out;
  };
  return { dir, ca, server, client, expiredClient, expiredServer, otherHostServer, otherCa, strangerClient, keyStore, trustStore };
}
