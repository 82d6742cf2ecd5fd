// A throwaway MIT Kerberos KDC (Debian krb5-kdc) on a loopback port, in a temp dir: its own
// krb5.conf / kdc.conf (KRB5_CONFIG, KRB5_KDC_PROFILE), database, and keytabs made by kadmin.local.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePorts } from "../../lib/ensemble/ports";

export type Kdc = {
  realm: string;
  dir: string;
  /** The krb5.conf clients (the console's session workers, the Java member) use. */
  krb5Conf: string;
  port: number;
  /** Create `principal` with a random key and write it to `keytab`; returns the keytab path. */
  addPrincipal(principal: string, keytab: string): string;
  stop(): Promise<void>;
};

export const KDC_MISSING_HINT = "apt-get install -y krb5-kdc krb5-admin-server";

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port }, () => { s.destroy(); resolve(true); });
    s.on("error", () => resolve(false));
  });

export async function startKdc(realm = "ZKCONSOLE.TEST"): Promise<Kdc> {
  if (!fs.existsSync("/usr/sbin/krb5kdc")) throw new Error(`the MIT KDC is not installed: ${KDC_MISSING_HINT}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zk-kdc-"));
  const [port] = await freePorts(1);
  const krb5Conf = path.join(dir, "krb5.conf");
  const kdcConf = path.join(dir, "kdc.conf");
  fs.writeFileSync(krb5Conf, [
    "[libdefaults]", `  default_realm = ${realm}`, "  dns_lookup_realm = false", "  dns_lookup_kdc = false", "  rdns = false",
    "  dns_canonicalize_hostname = false", "  udp_preference_limit = 1", "  request_timeout = 5s", "  ticket_lifetime = 1h",
    "[realms]", `  ${realm} = {`, `    kdc = 127.0.0.1:${port}`, "  }",
    "[domain_realm]", `  localhost = ${realm}`, "",
  ].join("\n"));
  fs.writeFileSync(kdcConf, [
    "[kdcdefaults]", `  kdc_listen = 127.0.0.1:${port}`, `  kdc_tcp_listen = 127.0.0.1:${port}`,
    "[realms]", `  ${realm} = {`, `    database_name = ${path.join(dir, "principal")}`, `    key_stash_file = ${path.join(dir, "stash")}`,
    `    acl_file = ${path.join(dir, "kadm5.acl")}`, "    max_life = 1h", "    supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal", "  }",
    "[logging]", `  kdc = FILE:${path.join(dir, "kdc.log")}`, "",
  ].join("\n"));
  fs.writeFileSync(path.join(dir, "kadm5.acl"), "");
  const env = { ...process.env, KRB5_CONFIG: krb5Conf, KRB5_KDC_PROFILE: kdcConf };
  execFileSync("/usr/sbin/kdb5_util", ["create", "-s", "-r", realm, "-P", "zk-console-master"], { env, stdio: "pipe" });
  const child: ChildProcess = spawn("/usr/sbin/krb5kdc", ["-n", "-r", realm], { env, stdio: "ignore" });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 20_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the test KDC did not start (see ${dir})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const addPrincipal = (principal: string, keytab: string) => {
    const kadmin = (q: string) => execFileSync("/usr/sbin/kadmin.local", ["-r", realm, "-q", q], { env, stdio: "pipe" });
    kadmin(`addprinc -randkey ${principal}`);
    kadmin(`ktadd -k ${keytab} ${principal}`);
    return keytab;
  };
  return { realm, dir, krb5Conf, port, addPrincipal, stop };
}
