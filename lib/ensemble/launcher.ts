// Start and stop a local ZooKeeper ensemble on loopback as child processes.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { connectionStringOf, zooCfg, type EnsembleOptions, type MemberSpec } from "./config";
import { fourLetterWord } from "./four-letter";
import { freePorts } from "./ports";

export const ZK_CLASSPATH = "/etc/zookeeper/conf:/usr/share/java/*";
export const INSTALL_HINT = "apt-get update && apt-get install -y zookeeper   (needs Java 17: apt-get install -y openjdk-17-jre-headless)";

export type RunningMember = MemberSpec & { process: ChildProcess | null; configPath: string; logPath: string };
export type LocalEnsemble = {
  baseDir: string;
  members: RunningMember[];
  connectionString: string;
  start(id: number): Promise<void>;
  stop(id: number, signal?: NodeJS.Signals): Promise<void>;
  signal(id: number, signal: NodeJS.Signals): void;
  stopAll(): Promise<void>;
};

/** Why a local ZooKeeper cannot be started here, or null when it can. */
export function zookeeperMissing(): string | null {
  if (spawnSync("java", ["-version"]).error) return `Java is not installed. Install it with: ${INSTALL_HINT}`;
  const jars = fs.existsSync("/usr/share/java") ? fs.readdirSync("/usr/share/java") : [];
  if (!jars.some((j) => /^zookeeper.*\.jar$/.test(j))) return `ZooKeeper is not installed. Install it with: ${INSTALL_HINT}`;
  return null;
}

export async function startEnsemble(opts: { size: number; baseDir?: string; admin?: boolean } & EnsembleOptions): Promise<LocalEnsemble> {
  const problem = zookeeperMissing();
  if (problem) throw new Error(problem);
  const baseDir = opts.baseDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "zk-ensemble-"));
  const ports = await freePorts(opts.size * 4);
  const specs: MemberSpec[] = Array.from({ length: opts.size }, (_, i) => ({
    id: i + 1,
    host: "127.0.0.1",
    clientPort: ports[i * 4],
    quorumPort: ports[i * 4 + 1],
    electionPort: ports[i * 4 + 2],
    adminPort: opts.admin ? ports[i * 4 + 3] : undefined,
    dataDir: path.join(baseDir, `member-${i + 1}`, "data"),
  }));
  const members: RunningMember[] = specs.map((spec) => {
    fs.mkdirSync(spec.dataDir, { recursive: true });
    fs.writeFileSync(path.join(spec.dataDir, "myid"), `${spec.id}\n`);
    const configPath = path.join(baseDir, `member-${spec.id}`, "zoo.cfg");
    fs.writeFileSync(configPath, zooCfg(spec, specs, opts));
    return { ...spec, process: null, configPath, logPath: path.join(baseDir, `member-${spec.id}`, "server.log") };
  });

  const byId = (id: number) => {
    const m = members.find((x) => x.id === id);
    if (!m) throw new Error(`no member ${id}`);
    return m;
  };

  const start = async (id: number) => {
    const m = byId(id);
    if (m.process) return;
    const log = fs.openSync(m.logPath, "a");
    m.process = spawn("java", ["-Xmx256m", "-Dzookeeper.log.dir=" + path.dirname(m.logPath), "-cp", ZK_CLASSPATH, "org.apache.zookeeper.server.quorum.QuorumPeerMain", m.configPath], {
      stdio: ["ignore", log, log],
    });
    fs.closeSync(log);
    m.process.on("exit", () => { m.process = null; });
  };

  const stop = async (id: number, signal: NodeJS.Signals = "SIGTERM") => {
    const m = byId(id);
    const p = m.process;
    if (!p) return;
    const exited = new Promise((r) => p.once("exit", r));
    p.kill(signal);
    const timer = setTimeout(() => p.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };

  const ensemble: LocalEnsemble = {
    baseDir,
    members,
    connectionString: connectionStringOf(members),
    start,
    stop,
    signal: (id, sig) => byId(id).process?.kill(sig),
    stopAll: async () => { await Promise.all(members.map((m) => stop(m.id))); },
  };
  await Promise.all(members.map((m) => start(m.id)));
  await waitServing(members, opts.size === 1 ? 1 : Math.floor(opts.size / 2) + 1);
  return ensemble;
}

/** Wait until at least `needed` members answer `srvr` with a mode (a quorum has formed). */
export async function waitServing(members: MemberSpec[], needed = members.length, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answers = await Promise.all(members.map((m) => fourLetterWord(m.host, m.clientPort, "srvr", 1000).catch(() => "")));
    if (answers.filter((a) => /Mode: (leader|follower|standalone|observer)/.test(a)).length >= needed) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`ZooKeeper ensemble did not start serving within ${timeoutMs} ms (logs under ${path.dirname(members[0].dataDir)})`);
}

export async function modeOf(m: MemberSpec): Promise<string | null> {
  const a = await fourLetterWord(m.host, m.clientPort, "srvr", 1000).catch(() => "");
  return /Mode: (\w+)/.exec(a)?.[1] ?? null;
}
