// A real ZooKeeper member with a secureClientPort only (Netty, keystore made here with keytool):
// registration and connection tests must refuse it with TLS_UNSUPPORTED instead of hanging.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZK_CLASSPATH, startEnsemble, type LocalEnsemble } from "../ensemble/launcher";
import { freePorts } from "../ensemble/ports";
import { actorCtx } from "@/test/support/actors";
import { db } from "@/lib/core/db/client";
import { registerCluster } from "./registry";
import { testClusterConnection } from "./test-connection";
import { refuseTls } from "./tls-check";
import { findTlsOnlyMember } from "./tls-probe";

function keystores(dir: string) {
  const ks = path.join(dir, "keystore.p12");
  const ts = path.join(dir, "truststore.p12");
  const crt = path.join(dir, "zk.crt");
  const run = (args: string[]) => execFileSync("keytool", args, { stdio: "pipe" });
  run(["-genkeypair", "-alias", "zk", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", ks, "-storepass", "changeit", "-keypass", "changeit"]);
  run(["-exportcert", "-alias", "zk", "-keystore", ks, "-storepass", "changeit", "-file", crt]);
  run(["-importcert", "-noprompt", "-alias", "zk", "-file", crt, "-storetype", "PKCS12", "-keystore", ts, "-storepass", "changeit"]);
  return { ks, ts };
}

async function waitListening(port: number, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const up = await new Promise<boolean>((r) => net.connect({ host: "127.0.0.1", port }).on("connect", function (this: net.Socket) { this.destroy(); r(true); }).on("error", () => r(false)));
    if (up) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the TLS ZooKeeper did not listen on ${port}`);
}

describe("TLS-only ZooKeeper members", () => {
  let dir: string;
  let securePort: number;
  let server: ChildProcess;
  let plain: LocalEnsemble;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "zk-tls-"));
    const { ks, ts } = keystores(dir);
    [securePort] = await freePorts(1);
    fs.mkdirSync(path.join(dir, "data"));
    fs.writeFileSync(path.join(dir, "zoo.cfg"), [
      "tickTime=2000", `dataDir=${path.join(dir, "data")}`, "admin.enableServer=false",
      `secureClientPort=${securePort}`, "secureClientPortAddress=127.0.0.1",
      "serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory",
      `ssl.keyStore.location=${ks}`, "ssl.keyStore.password=changeit",
      `ssl.trustStore.location=${ts}`, "ssl.trustStore.password=changeit",
    ].join("\n") + "\n");
    server = spawn("java", ["-Xmx256m", "-cp", ZK_CLASSPATH, "org.apache.zookeeper.server.quorum.QuorumPeerMain", path.join(dir, "zoo.cfg")], { stdio: "ignore" });
    plain = await startEnsemble({ size: 1 });
    await waitListening(securePort);
  });
  afterAll(async () => {
    server?.kill("SIGKILL");
    await plain?.stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("recognises the secure port by probing, and not a plain port or a closed one", async () => {
    expect(await findTlsOnlyMember([{ host: "127.0.0.1", port: securePort }])).toEqual({ host: "127.0.0.1", port: securePort });
    expect(await findTlsOnlyMember([{ host: "127.0.0.1", port: plain.members[0].clientPort }])).toBeNull();
    const [closed] = await freePorts(1);
    expect(await findTlsOnlyMember([{ host: "127.0.0.1", port: closed }])).toBeNull();
  });

  it("refuses to register it with 400 TLS_UNSUPPORTED, and registers nothing", async () => {
    const name = `tls-${Date.now()}`;
    const err = await registerCluster({ ctx: actorCtx("admin"), input: { name, connectionString: `127.0.0.1:${plain.members[0].clientPort},127.0.0.1:${securePort}` } }).catch((e) => e);
    expect(err).toMatchObject({ code: "TLS_UNSUPPORTED", status: 400, message: expect.stringMatching(/not supported by this console yet: 127\.0\.0\.1:\d+ answers only TLS/) });
    expect(await db().cluster.findUnique({ where: { name } })).toBeNull();
  });

  it("answers a connection test with TLS_UNSUPPORTED instead of waiting for the session timeout", async () => {
    await expect(testClusterConnection({ ctx: actorCtx("admin"), input: { connectionString: `127.0.0.1:${securePort}`, sessionTimeoutMs: 30_000 } })).rejects.toMatchObject({ code: "TLS_UNSUPPORTED", status: 400 });
  });

  it("refuses the registration form's TLS flag, and strips it for plain clusters", async () => {
    const conn = `127.0.0.1:${plain.members[0].clientPort}`;
    await expect(refuseTls({ name: "x", connectionString: conn, tls: true })).rejects.toMatchObject({ code: "TLS_UNSUPPORTED", message: expect.stringMatching(/marked as TLS/) });
    expect(await refuseTls({ name: "x", connectionString: conn, tls: false })).toEqual({ name: "x", connectionString: conn });
    const created = await registerCluster({ ctx: actorCtx("admin"), input: { name: `plain-${Date.now()}`, connectionString: conn, tls: false } });
    expect(created.connectionString).toBe(conn);
  });
});
