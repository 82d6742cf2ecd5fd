// Probe one ensemble member: four-letter words in parallel (each its own short-lived
// socket, short timeouts) and, when configured, the AdminServer. Never throws: a member
// that cannot be reached is reported "down" with the reason.
import { fourLetterWord } from "@/lib/core/zk/four-letter";
import { adminCommand } from "./admin-server";
import { answerSample, classifyAnswer, NOT_SERVING, whitelistFix } from "./four-letter-answer";
import { parseConf, type ConfInfo } from "./parse-conf";
import { parseAdminConnections, parseCons, type Connection } from "./parse-cons";
import { parseDump, type DumpInfo } from "./parse-dump";
import { parseMntr, summarizeMonitorJson, type MntrSummary } from "./parse-mntr";
import { parseSrvr, type Mode } from "./parse-srvr";
import { parseWchs, type WatchSummary } from "./parse-wchs";
import { parseZxid, type Zxid } from "./zxid";

export type Word = "ruok" | "srvr" | "mntr" | "conf" | "cons" | "wchs" | "isro" | "dump";
export type MemberTarget = { host: string; clientPort: number; adminPort?: number | null };
export type MemberState = "up" | "down" | "not-serving" | "restricted";

export type MemberProbe = Omit<MntrSummary, "mode" | "version"> & {
  address: string;
  state: MemberState;
  error: string | null;
  /** Words this member refused because of its 4lw whitelist, and how to fix that. */
  notWhitelisted: string[];
  fix: string | null;
  source: "4lw" | "admin" | "4lw+admin" | null;
  mode: Mode | null;
  readOnly: boolean | null;
  version: string | null;
  zxid: Zxid | null;
  watches: WatchSummary | null;
  conf: ConfInfo | null;
  cons: Connection[] | null;
  dump: DumpInfo | null;
  probedAt: string;
};

export const HEALTH_WORDS: Word[] = ["ruok", "srvr", "mntr", "conf", "wchs", "isro"];
const defaultTimeoutMs = () => Number(process.env.HEALTH_PROBE_TIMEOUT_MS) || 1500;

type Answer = { word: Word; text?: string; error?: string };

export async function probeMember(target: MemberTarget, opts: { words?: Word[]; timeoutMs?: number } = {}): Promise<MemberProbe> {
  const words = opts.words ?? HEALTH_WORDS;
  const timeoutMs = opts.timeoutMs ?? defaultTimeoutMs();
  const ask = (word: Word): Promise<Answer> =>
    fourLetterWord(target.host, target.clientPort, word, timeoutMs).then((text) => ({ word, text }), (e: Error) => ({ word, error: e.message }));
  // srvr first and alone: ZooKeeper always allows it, a dead or hung member costs one timeout
  // instead of one per word, and its connection count is not inflated by our other sockets.
  const first = words.includes("srvr") ? await ask("srvr") : null;
  const rest = first?.error !== undefined ? [] : await Promise.all(words.filter((w) => w !== "srvr").map(ask));
  const answers: Answer[] = first ? [first, ...rest] : rest;
  const probe = fromWords(target, answers);
  if (target.adminPort && probe.state !== "down") await fillFromAdmin(probe, target.host, target.adminPort, words, timeoutMs);
  return probe;
}

/** A member the console may not connect to (CLUSTER_HOST_ALLOWLIST): reported, never probed. */
export function refusedProbe(target: MemberTarget, why: string): MemberProbe {
  return { ...empty(target), error: `not probed: ${why}` };
}

function empty(target: MemberTarget): MemberProbe {
  return {
    address: `${target.host}:${target.clientPort}`, state: "down", error: null, notWhitelisted: [], fix: null, source: null,
    mode: null, readOnly: null, version: null, zxid: null, latency: null, outstanding: null, znodeCount: null, watchCount: null,
    ephemerals: null, dataSize: null, openFds: null, maxFds: null, connections: null, learners: null, syncedFollowers: null,
    syncedObservers: null, pendingSyncs: null, quorumSize: null, watches: null, conf: null, cons: null, dump: null,
    probedAt: new Date().toISOString(),
  };
}

function fromWords(target: MemberTarget, answers: Answer[]): MemberProbe {
  const p = empty(target);
  const ok = new Map<Word, string>();
  let notServing = false;
  let foreign: Answer | null = null;
  for (const a of answers) {
    if (a.error !== undefined) continue;
    const kind = classifyAnswer(a.text!, a.word);
    if (kind === "foreign") foreign ??= a;
    else if (kind === "not-whitelisted") p.notWhitelisted.push(a.word);
    else if (kind === "not-serving" || (a.word === "isro" && a.text!.trim() === "null")) notServing = true;
    else if (kind === "ok") ok.set(a.word, a.text!);
  }
  const answered = answers.some((a) => a.error === undefined && a.text!.trim() !== "");
  if (!answered) {
    p.error = answers.find((a) => a.error)?.error ?? "the member closed the connection without answering";
    return p;
  }
  if (foreign && ok.size === 0 && !notServing && p.notWhitelisted.length === 0) {
    p.error = `something answers on ${p.address}, but not as ZooKeeper (${foreign.word}: "${answerSample(foreign.text!)}"): is this the member's client port?`;
    return p;
  }
  if (ok.has("srvr")) Object.assign(p, pick(parseSrvr(ok.get("srvr")!)));
  if (ok.has("mntr")) merge(p, parseMntr(ok.get("mntr")!));
  if (ok.has("conf")) p.conf = parseConf(ok.get("conf")!);
  if (ok.has("wchs")) p.watches = parseWchs(ok.get("wchs")!);
  if (ok.has("cons")) p.cons = parseCons(ok.get("cons")!);
  if (ok.has("dump")) p.dump = parseDump(ok.get("dump")!);
  if (ok.has("isro")) p.readOnly = ok.get("isro")!.trim() === "ro";
  if (p.watches && p.watchCount === null) p.watchCount = p.watches.watches;
  if (p.notWhitelisted.length) p.fix = whitelistFix(p.notWhitelisted);
  p.source = ok.size ? "4lw" : null;
  p.state = notServing && !p.mode ? "not-serving" : p.mode ? "up" : p.notWhitelisted.length ? "restricted" : ok.has("ruok") ? "up" : "not-serving";
  if (p.state === "not-serving") p.error = `${NOT_SERVING}: it has no quorum (not enough voting members reachable)`;
  return p;
}

function pick(s: ReturnType<typeof parseSrvr>) {
  // srvr counts the asking socket among its connections.
  const connections = s.connections === null ? null : Math.max(0, s.connections - 1);
  return { version: s.version, latency: s.latency, connections, outstanding: s.outstanding, zxid: s.zxid, mode: s.mode, znodeCount: s.nodeCount, readOnly: s.readOnly || null };
}

/** Fill what is still unknown; four-letter answers win where both exist. */
function merge(p: MemberProbe, m: Partial<MntrSummary> & { zxid?: Zxid | null; readOnly?: boolean | null }) {
  for (const [k, v] of Object.entries(m)) {
    const key = k as keyof MemberProbe;
    if ((p[key] === null || p[key] === undefined) && v !== null && v !== undefined) (p as Record<string, unknown>)[key] = v;
  }
}

async function fillFromAdmin(p: MemberProbe, host: string, port: number, words: Word[], timeoutMs: number) {
  const want = ["monitor", "server_stats", ...(words.includes("cons") ? ["connections"] : []), ...(words.includes("wchs") ? ["watch_summary"] : [])];
  const results = await Promise.all(want.map((c) => adminCommand(host, port, c, timeoutMs).then((r) => ({ c, r }), (e: Error) => ({ c, e }))));
  let used = false;
  for (const res of results) {
    if ("e" in res) {
      if (res.e.message.startsWith(NOT_SERVING) && p.state !== "up") { p.state = "not-serving"; p.error = `${NOT_SERVING}: it has no quorum (not enough voting members reachable)`; }
      continue;
    }
    used = true;
    const j = res.r.json;
    if (res.c === "monitor") merge(p, summarizeMonitorJson(j));
    if (res.c === "server_stats") {
      const stats = (j.server_stats ?? {}) as Record<string, unknown>;
      merge(p, { zxid: parseZxid(stats.last_processed_zxid as number | undefined), readOnly: typeof j.read_only === "boolean" ? j.read_only : null, znodeCount: typeof j.node_count === "number" ? j.node_count : null });
    }
    if (res.c === "connections" && !p.cons) p.cons = parseAdminConnections(res.r.raw);
    if (res.c === "watch_summary" && !p.watches) {
      p.watches = { connections: Number(j.num_connections), paths: Number(j.num_paths), watches: Number(j.num_total_watches) };
    }
  }
  if (!used) return;
  p.source = p.source ? "4lw+admin" : "admin";
  if (p.mode && p.state !== "up") { p.state = "up"; p.error = null; }
}
