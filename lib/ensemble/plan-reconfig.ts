// Plan a dynamic reconfiguration (ZooKeeper 3.5+ `reconfig`): the current config, the
// proposed one, and the guardrails. A change that would leave fewer live voters than the
// new quorum needs is refused, so the ensemble never loses its quorum by our hand.
import "server-only";
import { authorize } from "@/lib/access/permissions";
import { clusterOf } from "@/lib/access/clusters";
import { errors } from "@/lib/core/errors";
import { inspectEnsemble } from "../health/inspect-ensemble";
import { parseMembership, clientAddressOf, type ServerEntry } from "../health/parse-server-lines";
import { probeMember } from "../health/probe-member";
import type { RequestCtx } from "@/lib/core/context";
import { reconfigChange, type ReconfigChange } from "./schema";

export type ReconfigPlan = {
  currentVersion: string;
  current: string[];
  proposed: string[];
  joining: string | null;
  leaving: string | null;
  voters: { before: number; after: number; upAfter: number; neededAfter: number; toleratesAfter: number };
  errors: string[];
  warnings: string[];
};

export const serverLine = (s: ServerEntry) => `server.${s.id}=${s.host}:${s.quorumPort}:${s.electionPort}:${s.role}${s.clientPort ? `;${s.clientHost ? `${s.clientHost}:` : ""}${s.clientPort}` : ""}`;
const majority = (n: number) => Math.floor(n / 2) + 1;

/** The current dynamic config through the user's session (read check on /zookeeper/config). */
export async function readConfig(ctx: RequestCtx, clusterId: string) {
  const client = (await ctx.clusterSession(clusterId, "/zookeeper/config")).client;
  const { data } = await client.getConfig();
  const membership = parseMembership(data.toString("utf8"));
  if (!membership.servers.length || !membership.version) {
    throw errors.reconfigUnavailable();
  }
  return membership as { servers: ServerEntry[]; version: string };
}

/** The current membership for the reconfiguration form. */
export async function currentConfig({ ctx, clusterId }: { ctx: RequestCtx; clusterId: string }) {
  const cluster = await clusterOf(ctx, clusterId);
  authorize(ctx.actor, "read", cluster);
  const config = await readConfig(ctx, clusterId);
  return { version: config.version, servers: config.servers, lines: config.servers.map(serverLine) };
}

export async function planReconfig({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }): Promise<ReconfigPlan> {
  const change = reconfigChange.parse(input);
  const cluster = await clusterOf(ctx, clusterId);
  authorize(ctx.actor, "read", cluster);
  const config = await readConfig(ctx, clusterId);
  const health = await inspectEnsemble(cluster, { dynamicConfig: [...config.servers.map(serverLine), `version=${config.version}`].join("\n"), words: ["srvr"] });
  const upIds = new Set(health.members.filter((m) => m.state === "up" && m.serverId).map((m) => m.serverId!));
  return await buildPlan(config, change, upIds);
}

async function buildPlan(config: { servers: ServerEntry[]; version: string }, change: ReconfigChange, upIds: Set<number>): Promise<ReconfigPlan> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const servers = config.servers.map((s) => ({ ...s }));
  let joining: string | null = null;
  let leaving: string | null = null;
  const existing = "id" in change ? servers.find((s) => s.id === change.id) : undefined;
  if ("id" in change && !existing) errors.push(`server ${change.id} is not in the current configuration (servers ${servers.map((s) => s.id).join(", ")})`);

  if (change.change === "add") {
    const n = change.server;
    const entry: ServerEntry = { id: n.id, host: n.host, quorumPort: n.quorumPort, electionPort: n.electionPort, role: n.observer ? "observer" : "participant", clientHost: n.host, clientPort: n.clientPort };
    if (servers.some((s) => s.id === n.id)) errors.push(`server id ${n.id} is already in the configuration`);
    for (const s of servers) {
      const used = [s.quorumPort, s.electionPort, clientAddressOf(s)?.port].filter(Boolean);
      for (const p of [n.quorumPort, n.electionPort, n.clientPort]) if (s.host === n.host && used.includes(p)) errors.push(`${n.host}:${p} is already used by server ${s.id}`);
    }
    // The joiner must already run (as a learner with a config of the current members plus itself) for the new quorum to form.
    const probe = await probeMember({ host: n.host, clientPort: n.clientPort }, { words: ["srvr"] });
    if (probe.state === "up") upIds.add(n.id);
    else errors.push(`server ${n.id} does not answer at ${n.host}:${n.clientPort}: start it first, with a dynamic config listing the current members and itself, so it can sync before it is added`);
    servers.push(entry);
    joining = serverLine(entry);
  } else if (change.change === "remove" && existing) {
    servers.splice(servers.indexOf(existing), 1);
    leaving = String(existing.id);
  } else if ((change.change === "to-observer" || change.change === "to-participant") && existing) {
    const role = change.change === "to-observer" ? "observer" : "participant";
    if (existing.role === role) errors.push(`server ${existing.id} already is ${role === "observer" ? "an observer" : "a participant"}`);
    existing.role = role;
    joining = serverLine(existing);
  }

  const votersBefore = config.servers.filter((s) => s.role === "participant").length;
  const voters = servers.filter((s) => s.role === "participant");
  const upAfter = voters.filter((s) => upIds.has(s.id)).length;
  const neededAfter = majority(voters.length);
  if (voters.length === 0) errors.push("the change leaves no voting member");
  else if (upAfter < neededAfter) errors.push(`refused: the new configuration needs ${neededAfter} of its ${voters.length} voting members, but only ${upAfter} are up; the ensemble would lose its quorum`);
  if (voters.length > 0 && voters.length % 2 === 0) warnings.push(`${voters.length} voting members tolerate no more failures than ${voters.length - 1}; an odd number is usual`);
  if (upAfter === neededAfter && voters.length > 1) warnings.push("after the change no further member may fail without losing quorum");
  return {
    currentVersion: config.version,
    current: config.servers.map(serverLine),
    proposed: servers.sort((a, b) => a.id - b.id).map(serverLine),
    joining, leaving,
    voters: { before: votersBefore, after: voters.length, upAfter, neededAfter, toleratesAfter: Math.max(0, upAfter - neededAfter) },
    errors, warnings,
  };
}
