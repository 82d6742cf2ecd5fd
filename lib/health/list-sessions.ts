// Sessions of every member (`cons`) and ephemeral nodes grouped by owner session (`dump`
// of the leader or standalone server), linked to the session's client address when known.
import "server-only";
import { authorize } from "@/lib/access/permissions";
import { clusterOf } from "@/lib/access/clusters";
import type { RequestCtx } from "@/lib/core/context";
import { targetsFrom } from "./discover-members";
import type { Connection } from "./parse-cons";
import { probeMember, type MemberProbe } from "./probe-member";

const MAX_PATHS_PER_SESSION = 1000;

export type SessionRow = Connection & { member: string };

export async function listSessions({ ctx, clusterId }: { ctx: RequestCtx; clusterId: string }) {
  const cluster = await clusterOf(ctx, clusterId);
  authorize(ctx.actor, "read", cluster);
  const targets = targetsFrom(cluster.connectionString, null);
  const probes = await Promise.all(targets.map((t) => probeMember({ host: t.host, clientPort: t.clientPort, adminPort: cluster.adminServerPort }, { words: ["srvr", "cons"] })));
  const sessions: SessionRow[] = probes.flatMap((p) => (p.cons ?? []).filter((c) => c.sessionId && c.sessionId !== "0x0").map((c) => ({ ...c, member: p.address })));
  const dumpFrom = pickDumpSource(probes);
  const dumpTarget = dumpFrom ? targets[probes.indexOf(dumpFrom)] : null;
  const dump = dumpTarget ? await probeMember({ host: dumpTarget.host, clientPort: dumpTarget.clientPort }, { words: ["dump"] }) : null;
  const clientOf = new Map<string, { client: string; member: string }>();
  for (const s of sessions) clientOf.set(s.sessionId!, { client: s.client, member: s.member });
  for (const c of dump?.dump?.connections ?? []) if (!clientOf.has(c.sessionId)) clientOf.set(c.sessionId, { client: c.client, member: dump!.address });
  const timeouts = new Map((dump?.dump?.sessions ?? []).map((s) => [s.id, s.timeoutMs]));
  const ephemerals = (dump?.dump?.ephemerals ?? []).map((e) => ({
    sessionId: e.sessionId,
    client: clientOf.get(e.sessionId)?.client ?? null,
    member: clientOf.get(e.sessionId)?.member ?? null,
    timeoutMs: timeouts.get(e.sessionId) ?? null,
    count: e.paths.length,
    paths: e.paths.slice(0, MAX_PATHS_PER_SESSION),
  }));
  return {
    members: probes.map((p) => ({ address: p.address, state: p.state, mode: p.mode, error: p.error, fix: p.fix, connections: p.cons ? p.cons.filter((c) => c.sessionId && c.sessionId !== "0x0").length : null })),
    sessions,
    ephemerals,
    ephemeralsFrom: dump ? dump.address : null,
    ephemeralsNote: !dumpFrom ? "no member answered, so ephemeral owners are unknown"
      : dump?.notWhitelisted.includes("dump") ? `dump is not whitelisted on ${dump.address}: ${dump.fix}`
      : !dump?.dump ? `dump on ${dumpFrom.address} gave no answer: ${dump?.error ?? "unknown"}` : null,
  };
}

/** The leader (or standalone server) tracks every session; any serving member knows every ephemeral. */
function pickDumpSource(probes: MemberProbe[]): MemberProbe | null {
  return probes.find((p) => p.mode === "leader" || p.mode === "standalone") ?? probes.find((p) => p.state === "up") ?? null;
}
