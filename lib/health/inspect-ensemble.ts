// Probe every member of a cluster and put the picture together: members, quorum, lag.
// Used by the health API (with the dynamic config read through the user's session) and by
// the background sampler (four-letter words only).
import { memberHostRefusal } from "@/lib/core/host-allowlist";
import { assembleMembers, targetsFrom, type Target } from "./discover-members";
import { zxidLagView, type LagRow } from "./lag";
import type { MemberHealth } from "./member-health";
import { parseMembership, type MembershipConfig } from "./parse-server-lines";
import { probeMember, refusedProbe, type MemberProbe, type Word, HEALTH_WORDS } from "./probe-member";
import { quorumView, type QuorumView } from "./quorum";

export type EnsembleView = {
  members: MemberHealth[];
  quorum: QuorumView;
  lag: LagRow[];
  membership: (MembershipConfig & { source: "dynamic-config" | "conf" }) | null;
  checkedAt: string;
  /** Raw probes, for callers that asked for cons/dump. */
  probes: MemberProbe[];
};

type ClusterRef = { connectionString: string; adminServerPort: number | null };

export async function inspectEnsemble(cluster: ClusterRef, opts: { dynamicConfig?: string | null; words?: Word[] } = {}): Promise<EnsembleView> {
  const dynamic = opts.dynamicConfig ? parseMembership(opts.dynamicConfig) : null;
  const fromConfig = dynamic && dynamic.servers.length ? dynamic : null;
  const targets = targetsFrom(cluster.connectionString, fromConfig);
  const probes = await Promise.all(targets.map((t) => probeTarget(t, cluster, opts.words ?? HEALTH_WORDS)));
  // Without a readable dynamic config, a member's own `conf` lists the membership (the leader's is freshest).
  const confSource = [...probes].sort((a, b) => Number(b.mode === "leader") - Number(a.mode === "leader")).find((p) => p.conf?.membership?.servers.length);
  const membership = fromConfig ? { ...fromConfig, source: "dynamic-config" as const } : confSource?.conf?.membership ? { ...confSource.conf.membership, source: "conf" as const } : null;
  const members = assembleMembers(targets, probes, membership);
  return { members, quorum: quorumView(members), lag: zxidLagView(members), membership, checkedAt: new Date().toISOString(), probes };
}

// A member only the dynamic config names was never screened by CLUSTER_HOST_ALLOWLIST (the
// connection string was, at registration): whoever can write the ensemble's config must not steer
// the console's probes to other hosts.
async function probeTarget(t: Target, cluster: ClusterRef, words: Word[]): Promise<MemberProbe> {
  const target = { host: t.host, clientPort: t.clientPort, adminPort: cluster.adminServerPort };
  if (!t.sources.includes("connection-string")) {
    const refused = await memberHostRefusal(t.host).catch((e: Error) => e.message);
    if (refused) return refusedProbe(target, refused);
  }
  return probeMember(target, { words });
}
