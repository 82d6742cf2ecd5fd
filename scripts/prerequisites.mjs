// What the console needs from the machine. Installs it with apt when running as root,
// otherwise prints the exact command and stops.
//  - native: headers and SASL plugins the `zookeeper` binding is built and run with (TLS, SASL);
//    checked by the postinstall step, which `npm ci` runs before anything else.
//  - tests: Java + ZooKeeper, Debian's chromium, the Kerberos KDC the GSSAPI tests start, and
//    PostgreSQL (the multi-instance suite and `npm run db:migration`).
import { execSync, spawnSync } from "node:child_process";
import fs from "node:fs";

const libDirs = () => ["/usr/lib", ...(fs.existsSync("/usr/lib") ? fs.readdirSync("/usr/lib").filter((d) => d.endsWith("-linux-gnu")).map((d) => `/usr/lib/${d}`) : [])];
const saslPlugin = (name) => libDirs().some((d) => fs.existsSync(`${d}/sasl2/${name}`));

const NATIVE = {
  "build-essential": () => ["make", "g++"].every((b) => !spawnSync(b, ["--version"]).error),
  patch: () => !spawnSync("patch", ["--version"]).error,
  "libssl-dev": () => fs.existsSync("/usr/include/openssl/ssl.h"),
  "libsasl2-dev": () => fs.existsSync("/usr/include/sasl/sasl.h"),
  "libkrb5-dev": () => fs.existsSync("/usr/include/gssapi/gssapi_ext.h") && fs.existsSync("/usr/include/krb5.h"),
  "libsasl2-modules": () => saslPlugin("libdigestmd5.so"),
  "libsasl2-modules-gssapi-mit": () => saslPlugin("libgssapiv2.so"),
};

const TESTS = {
  "openjdk-17-jre-headless": () => !spawnSync("java", ["-version"]).error,
  zookeeper: () => fs.existsSync("/usr/share/java") && fs.readdirSync("/usr/share/java").some((f) => /^zookeeper.*\.jar$/.test(f)),
  chromium: () => fs.existsSync("/usr/bin/chromium"),
  "krb5-kdc": () => fs.existsSync("/usr/sbin/krb5kdc") && fs.existsSync("/usr/sbin/kdb5_util"),
  "krb5-admin-server": () => fs.existsSync("/usr/sbin/kadmin.local"),
  postgresql: () => fs.existsSync("/usr/lib/postgresql") && fs.readdirSync("/usr/lib/postgresql").some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/postgres`)),
};

function ensure(label, table) {
  const missing = Object.keys(table).filter((pkg) => !table[pkg]());
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get -o DPkg::Lock::Timeout=900 install -y ${missing.join(" ")}`;
  if (process.getuid?.() !== 0 || spawnSync("apt-get", ["--version"]).error) {
    console.error(`[${label}] missing: ${missing.join(", ")}. Install with:\n  sudo ${command}`);
    process.exit(1);
  }
  console.log(`[${label}] installing ${missing.join(", ")}…`);
  execSync(command, { stdio: "inherit", shell: "/bin/bash", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

/** Build and run-time needs of the patched binding (TLS with Node's OpenSSL, Cyrus SASL, Kerberos). */
export function ensureNativePrerequisites() {
  ensure("zookeeper binding", NATIVE);
}

/** What `npm test` needs on top. */
export function ensurePrerequisites() {
  ensure("test", { ...NATIVE, ...TESTS });
}
