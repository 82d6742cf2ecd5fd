// The C client reads TLS certificates and Kerberos keytabs from files, on every (re)connect, so
// a session's secrets live as files for as long as it does: in a private directory (0700, files
// 0600) created by the console process and removed when the session ends, however it ends (closed,
// expired, refused, its worker gone, the console process exiting).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type TlsOptions = { caPem: string; certPem?: string; keyPem?: string; verifyHostname?: boolean };
export type SaslOptions =
  | { mechanism: "DIGEST-MD5"; username: string; password: string }
  | { mechanism: "GSSAPI"; principal: string; keytabBase64: string; serviceName?: string; serviceHost?: string };

/** What the session worker passes to the binding: the same options with file paths. */
export type WorkerTls = { caFile: string; certFile?: string; keyFile?: string; verifyHostname: boolean };
export type WorkerSasl =
  | { mechanism: "DIGEST-MD5"; username: string; password: string }
  | { mechanism: "GSSAPI"; principal: string; keytabFile: string; serviceName?: string; serviceHost?: string };

export type SessionFiles = { tls?: WorkerTls; sasl?: WorkerSasl; remove(): void };

// Directories of live sessions, removed when this process exits too (it may go before the
// session workers it started).
const live = new Set<string>();
let exitHook = false;
const removeDir = (dir: string) => {
  live.delete(dir);
  fs.rmSync(dir, { recursive: true, force: true });
};

export function writeSessionFiles(tls?: TlsOptions, sasl?: SaslOptions): SessionFiles {
  if (!tls && sasl?.mechanism !== "GSSAPI") return { tls: undefined, sasl, remove: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zk-console-session-"));
  fs.chmodSync(dir, 0o700);
  live.add(dir);
  if (!exitHook) {
    exitHook = true;
    process.once("exit", () => [...live].forEach(removeDir));
  }
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content, { mode: 0o600 });
    return file;
  };
  const workerTls = tls && {
    caFile: write("ca.pem", tls.caPem),
    certFile: tls.certPem ? write("cert.pem", tls.certPem) : undefined,
    keyFile: tls.keyPem ? write("key.pem", tls.keyPem) : undefined,
    verifyHostname: tls.verifyHostname ?? true,
  };
  const workerSasl: WorkerSasl | undefined =
    sasl?.mechanism === "GSSAPI"
      ? { mechanism: "GSSAPI", principal: sasl.principal, keytabFile: write("client.keytab", Buffer.from(sasl.keytabBase64, "base64")), serviceName: sasl.serviceName, serviceHost: sasl.serviceHost }
      : sasl;
  return { tls: workerTls, sasl: workerSasl, remove: () => removeDir(dir) };
}
