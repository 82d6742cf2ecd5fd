// npx tsx scripts/capture-4lw.ts [outDir] : capture REAL four-letter-word and AdminServer
// answers of the installed ZooKeeper (3.8) into lib/health/fixtures/, for the parser tests.
// Scenarios: standalone; 3-member ensemble (leader, follower); an observer; a restricted
// whitelist; a member that lost its quorum (not serving); a read-only member; a dynamic
// (reconfigEnabled) ensemble. Clients are the real Java CLI (zkCli) holding ephemerals and watches.
// Ports, session ids and counters differ per run: after a re-capture, update the values
// lib/health/parsers.test.ts expects.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fourLetterWord } from "../lib/core/zk/four-letter";
import { modeOf, startEnsemble, ZK_CLASSPATH, type LocalEnsemble, type RunningMember } from "../lib/ensemble/launcher";

const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "lib", "health", "fixtures"));
const WORDS = ["ruok", "srvr", "stat", "mntr", "conf", "cons", "wchs", "isro", "dump"];
const ADMIN = ["ruok", "monitor", "server_stats", "configuration", "connections", "watch_summary", "is_read_only", "leader", "voting_view"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const running: LocalEnsemble[] = [];
const clis: ChildProcess[] = [];

function save(name: string, text: string) {
  fs.writeFileSync(path.join(outDir, name), text);
  console.log(`  ${name} (${text.length} bytes)`);
}

async function captureWords(prefix: string, m: RunningMember, words = WORDS) {
  for (const w of words) save(`${prefix}-${w}.txt`, await fourLetterWord(m.host, m.clientPort, w, 3000));
}

async function captureAdmin(prefix: string, m: RunningMember) {
  for (const cmd of ADMIN) {
    const res = await fetch(`http://${m.host}:${m.adminPort}/commands/${cmd}`, { signal: AbortSignal.timeout(3000) });
    save(`${prefix}-admin-${cmd}.json`, await res.text());
  }
}

/** A real Java client session (zkCli) that keeps an ephemeral node and a few watches. */
async function cliSession(m: RunningMember, commands: string[]): Promise<string> {
  const cli = spawn("java", ["-cp", ZK_CLASSPATH, "org.apache.zookeeper.ZooKeeperMain", "-server", `${m.host}:${m.clientPort}`], { stdio: ["pipe", "pipe", "pipe"] });
  clis.push(cli);
  let out = "";
  cli.stdout.on("data", (d) => (out += d));
  cli.stderr.on("data", (d) => (out += d));
  cli.stdin.write(commands.join("\n") + "\n");
  const deadline = Date.now() + 20_000;
  while (!out.includes("__done__") && Date.now() < deadline) await sleep(200);
  if (!out.includes("__done__")) throw new Error(`zkCli did not finish: ${out.slice(-500)}`);
  return out;
}

const activity = (tag: string) => [
  `create /${tag} app`, `create /${tag}/config {"pool":8}`, `create -e /${tag}/eph-${tag} owner`,
  `create -e -s /${tag}/lock- x`, `get -w /${tag}/config`, `ls -w /${tag}`, `stat -w /${tag}/eph-${tag}`, "get /__done__",
];

async function ensemble(opts: Parameters<typeof startEnsemble>[0]) {
  const e = await startEnsemble(opts);
  running.push(e);
  return e;
}

async function waitForModes(e: LocalEnsemble, ok: (modes: (string | null)[]) => boolean, what: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const modes = await Promise.all(e.members.map(modeOf));
    if (ok(modes)) return modes;
    if (what.includes("read-only")) console.log("  modes", modes);
    await sleep(300);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  console.log("standalone");
  const solo = await ensemble({ size: 1, admin: true });
  await cliSession(solo.members[0], activity("solo"));
  await captureWords("standalone", solo.members[0]);
  await captureAdmin("standalone", solo.members[0]);

  console.log("3-member ensemble");
  const trio = await ensemble({ size: 3, admin: true });
  const modes = await waitForModes(trio, (ms) => ms.every(Boolean), "three members serving");
  const leader = trio.members[modes.indexOf("leader")];
  const follower = trio.members[modes.indexOf("follower")];
  await cliSession(follower, activity("via-follower"));
  await cliSession(leader, activity("via-leader"));
  await sleep(500);
  await captureWords("leader", leader);
  await captureAdmin("leader", leader);
  await captureWords("follower", follower);
  await captureAdmin("follower", follower);
  console.log("lost quorum: two members stopped");
  for (const m of trio.members.filter((x) => x !== follower)) await trio.stop(m.id, "SIGKILL");
  await sleep(1500);
  await captureWords("notserving", follower, ["ruok", "srvr", "mntr", "isro"]);

  console.log("observer");
  const withObserver = await ensemble({ size: 4, observers: 1 });
  await waitForModes(withObserver, (ms) => ms.every(Boolean), "four members serving");
  await captureWords("observer", withObserver.members[3], ["srvr", "mntr", "conf"]);

  console.log("restricted whitelist");
  const restricted = await ensemble({ size: 1, fourLetterWhitelist: "ruok,srvr" });
  await captureWords("restricted", restricted.members[0], ["ruok", "srvr", "mntr", "cons"]);

  console.log("read-only member (readonlymode.enabled)");
  const ro = await ensemble({ size: 3, jvmFlags: ["-Dreadonlymode.enabled=true"] });
  await waitForModes(ro, (ms) => ms.every(Boolean), "three members serving");
  await ro.stop(2, "SIGKILL");
  await ro.stop(3, "SIGKILL");
  await waitForModes(ro, (ms) => ms[0] === "read-only", "member 1 read-only");
  await captureWords("readonly", ro.members[0], ["srvr", "mntr", "isro"]);

  console.log("dynamic config (reconfigEnabled)");
  const dyn = await ensemble({ size: 3, reconfigEnabled: true });
  await captureWords("dynamic", dyn.members[0], ["conf"]);
  // The data of /zookeeper/config as a client reads it (zkCli `config`).
  const printed = await cliSession(dyn.members[0], ["config", "get /__done__"]);
  save("dynamic-zookeeper-config.txt", printed.split("\n").filter((l) => /^(server\.\d+|version)=/.test(l)).join("\n") + "\n");
}

main()
  .then(() => 0, (e) => { console.error(e); return 1; })
  .then(async (code) => {
    for (const c of clis) c.kill();
    await Promise.all(running.map((e) => e.stopAll()));
    process.exit(code);
  });
