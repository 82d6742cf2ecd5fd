// One standalone ZooKeeper 3.8 member with secure settings (TLS-only port, enforced SASL), started
// and stopped by the test that needs it. Readiness: the member answers `ruok` on its own port
// (over TLS with the test's client certificate when the port is TLS-only).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import { zookeeperMissing } from "../../lib/ensemble/launcher";
import { freePorts } from "../../lib/ensemble/ports";

export type SecureMember = {
  dir: string;
  port: number;
  /** `127.0.0.1:port` (use `localhost:port` where the host name matters: SASL service, hostname checks). */
  connectionString: string;
  logPath: string;
  stop(): Promise<void>;
};

// Debian's own class path (the jar's manifest lists most dependencies) plus Netty's codecs and one
// log binding: with /usr/share/java/* the many SLF4J bindings there silence the server's log,
// which these tests need to explain a refusal.
const classPath = () =>
  ["/etc/zookeeper/conf", "/usr/share/java/zookeeper.jar", "/usr/share/java/slf4j-log4j12.jar", "/usr/share/java/log4j-1.2.jar",
    ...fs.readdirSync("/usr/share/java").filter((f) => /^netty-[a-z-]+\.jar$/.test(f)).map((f) => `/usr/share/java/${f}`)].join(":");

export type TlsProbe = { ca: string; cert: string; key: string };

type MemberOptions = {
  dir?: string;
  /** zoo.cfg lines on top of tickTime/dataDir; `port` is the member's client (or secure client) port. */
  config: (port: number, dataDir: string) => Record<string, string | number>;
  jvmFlags?: string[];
  /** Probe readiness over TLS with these PEMs instead of plain TCP. */
  tlsProbe?: TlsProbe;
  env?: NodeJS.ProcessEnv;
};

function ruok(port: number, probe?: TlsProbe): Promise<string> {
  return new Promise((resolve) => {
    let answer = "";
    const socket: net.Socket = probe
      // Readiness only: the server's own certificate may be the test's subject (expired, another host's).
      ? tls.connect({ host: "127.0.0.1", port, ca: probe.ca, cert: probe.cert, key: probe.key, rejectUnauthorized: false }, () => socket.write("ruok"))
      : net.connect({ host: "127.0.0.1", port }, () => socket.write("ruok"));
    socket.setTimeout(1000, () => socket.destroy());
    socket.on("data", (d) => (answer += d.toString()));
    socket.on("error", () => resolve(""));
    socket.on("close", () => resolve(answer));
  });
}

export async function startSecureMember(opts: MemberOptions): Promise<SecureMember> {
  const missing = zookeeperMissing();
  if (missing) throw new Error(missing);
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "zk-secure-"));
  const dataDir = path.join(dir, "data");
  fs.mkdirSync(dataDir, { recursive: true });
  const [port] = await freePorts(1);
  const settings = { tickTime: 2000, dataDir, "admin.enableServer": "false", "4lw.commands.whitelist": "*", ...opts.config(port, dataDir) };
  const configPath = path.join(dir, "zoo.cfg");
  fs.writeFileSync(configPath, Object.entries(settings).map(([k, v]) => `${k}=${v}`).join("\n") + "\n");
  const logPath = path.join(dir, "server.log");
  const log = fs.openSync(logPath, "a");
  const child: ChildProcess = spawn("java", ["-Xmx256m", `-Dzookeeper.log.dir=${dir}`, "-Dzookeeper.root.logger=INFO,CONSOLE", ...(opts.jvmFlags ?? []), "-cp", classPath(), "org.apache.zookeeper.server.ZooKeeperServerMain", configPath], {
    stdio: ["ignore", log, log],
    env: { ...process.env, ...opts.env },
  });
  fs.closeSync(log);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while ((await ruok(port, opts.tlsProbe)) !== "imok") {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`secure ZooKeeper member did not start (log: ${logPath}):\n${fs.readFileSync(logPath, "utf8").slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { dir, port, connectionString: `127.0.0.1:${port}`, logPath, stop };
}
