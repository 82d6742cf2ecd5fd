// Start and stop a local ZooKeeper ensemble on loopback as child processes.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { connectionStringOf, dynamicConfig, myid, zooCfg, type EnsembleOptions, type MemberSpec } from "./config";
import { fourLetterWord } from "@/lib/core/zk/four-letter";
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
  /** Start one more member (ports allocated here) that knows the running members and itself:
   * with reconfigEnabled it joins as a non-voting learner until a `reconfig -add` admits it. */
  addMember(opts?: { observer?: boolean }): Promise<RunningMember>;
};

export type LaunchOptions = { size: number; baseDir?: string; admin?: boolean } & EnsembleOptions & {
  /** Per-member settings on top of the common ones, e.g. `{ 3: { fourLetterWhitelist: "ruok" } }`. */
  overrides?: Record<number, EnsembleOptions>;
  /** How many of the `size` members (the last ones) are observers. */
  observers?: number;
  /** Extra JVM flags for every member, e.g. `-Dreadonlymode.enabled=true`. */
  jvmFlags?: string[];
};

/** Why a local ZooKeeper cannot be started here, or null when it can. */
export function zookeeperMissing(): string | null {
  if (spawnSync("java", ["-version"]).error) return `Java is not installed. Install it with: ${INSTALL_HINT}`;
  const jars = fs.existsSync("/usr/share/java") ? fs.readdirSync("/usr/share/java") : [];
  if (!jars.some((j) => /^zookeeper.*\.jar$/.test(j))) return `ZooKeeper is not installed. Install it with: ${INSTALL_HINT}`;
  return null;
}

export async function startEnsemble(opts: LaunchOptions): Promise<LocalEnsemble> {
  const problem = zookeeperMissing();
  if (problem) throw new Error(problem);
  const baseDir = opts.baseDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "zk-ensemble-"));
  const specs = await allocateMembers(baseDir, 1, opts.size, !!opts.admin);
  const voters = opts.size - (opts.observers ?? 0);
  specs.forEach((spec, i) => { if (i >= voters) spec.observer = true; });
  const members: RunningMember[] = [];
  for (const spec of specs) members.push(writeMember(baseDir, spec, specs, opts));

  const byId = (id: number) => {
    const m = members.find((x) => x.id === id);
    if (!m) throw new Error(`no member ${id}`);
    return m;
  };

  const start = async (id: number) => {
    const m = byId(id);
    if (m.process) return;
    const log = fs.openSync(m.logPath, "a");
    // skipACL as a JVM flag: a reconfig test ensemble lets the console's plain session run `reconfig`.
    const flags = [...(skipAclFor(opts, m.id) ? ["-Dzookeeper.skipACL=yes"] : []), ...(opts.jvmFlags ?? [])];
    m.process = spawn("java", ["-Xmx256m", ...flags, "-Dzookeeper.log.dir=" + path.dirname(m.logPath), "-cp", ZK_CLASSPATH, "org.apache.zookeeper.server.quorum.QuorumPeerMain", m.configPath], {
      stdio: ["ignore", log, log],
    });
    fs.closeSync(log);
    const child = m.process;
    child.on("exit", () => { if (m.process === child) m.process = null; });
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

  const addMember = async (add: { observer?: boolean } = {}) => {
    const id = Math.max(...members.map((m) => m.id)) + 1;
    const [spec] = await allocateMembers(baseDir, id, 1, !!opts.admin);
    spec.observer = add.observer;
    const member = writeMember(baseDir, spec, [...members, spec], opts);
    members.push(member);
    await start(id);
    return member;
  };

  const ensemble: LocalEnsemble = {
    baseDir,
    members,
    connectionString: connectionStringOf(members),
    start,
    stop,
    signal: (id, sig) => byId(id).process?.kill(sig),
    stopAll: async () => { await Promise.all(members.map((m) => stop(m.id))); },
    addMember,
  };
  await Promise.all(members.map((m) => start(m.id)));
  await waitServing(members, voters === 1 ? 1 : Math.floor(voters / 2) + 1);
  return ensemble;
}

function skipAclFor(opts: LaunchOptions, id: number): boolean {
  const o = { ...opts, ...opts.overrides?.[id] };
  return o.skipACL ?? !!o.reconfigEnabled;
}

async function allocateMembers(baseDir: string, firstId: number, count: number, admin: boolean): Promise<MemberSpec[]> {
  const ports = await freePorts(count * 4);
  return Array.from({ length: count }, (_, i) => ({
    id: firstId + i,
    host: "127.0.0.1",
    clientPort: ports[i * 4],
    quorumPort: ports[i * 4 + 1],
    electionPort: ports[i * 4 + 2],
    adminPort: admin ? ports[i * 4 + 3] : undefined,
    dataDir: path.join(baseDir, `member-${firstId + i}`, "data"),
  }));
}

/** Write a member's myid, zoo.cfg (and dynamic config when reconfig is on) through the one generator. */
function writeMember(baseDir: string, spec: MemberSpec, all: MemberSpec[], opts: LaunchOptions): RunningMember {
  const dir = path.join(baseDir, `member-${spec.id}`);
  fs.mkdirSync(spec.dataDir, { recursive: true });
  fs.writeFileSync(path.join(spec.dataDir, "myid"), myid(spec));
  const { overrides: _o, size: _s, baseDir: _b, admin: _a, jvmFlags: _j, observers: _obs, ...common } = opts;
  const o: EnsembleOptions = { ...common, ...opts.overrides?.[spec.id] };
  o.skipACL = skipAclFor(opts, spec.id) || undefined;
  if (o.reconfigEnabled) {
    o.dynamicConfigFile = path.join(dir, "zoo.cfg.dynamic");
    fs.writeFileSync(o.dynamicConfigFile, dynamicConfig(all));
  }
  const configPath = path.join(dir, "zoo.cfg");
  fs.writeFileSync(configPath, zooCfg(spec, all, o));
  return { ...spec, process: null, configPath, logPath: path.join(dir, "server.log") };
}

/** Wait until at least `needed` members answer `srvr` with a mode (a quorum has formed). */
export async function waitServing(members: MemberSpec[], needed = members.length, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answers = await Promise.all(members.map((m) => fourLetterWord(m.host, m.clientPort, "srvr", 1000).catch(() => "")));
    // A member whose whitelist refuses srvr cannot tell its mode; it answered, so count it.
    if (answers.filter((a) => /Mode: (leader|follower|standalone|observer)/.test(a) || a.includes("not in the whitelist")).length >= needed) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`ZooKeeper ensemble did not start serving within ${timeoutMs} ms (logs under ${path.dirname(members[0].dataDir)})`);
}

export async function modeOf(m: MemberSpec): Promise<string | null> {
  const a = await fourLetterWord(m.host, m.clientPort, "srvr", 1000).catch(() => "");
  return /Mode: ([\w-]+)/.exec(a)?.[1] ?? null;
}
