// The quorum view: voting members up vs needed, how many more failures the ensemble
// tolerates, who leads. Pure, over probed members.
import type { MemberHealth } from "./member-health";

export type QuorumStatus = "ok" | "at-risk" | "lost" | "standalone" | "down";
export type QuorumView = {
  standalone: boolean;
  voters: number;
  votersUp: number;
  needed: number;
  tolerates: number;
  observers: number;
  observersUp: number;
  leader: { address: string; serverId: number | null } | null;
  status: QuorumStatus;
  summary: string;
};

const alive = (m: MemberHealth) => m.state === "up" || m.state === "restricted";

export function quorumView(members: MemberHealth[]): QuorumView {
  const only = members.length === 1 ? members[0] : null;
  const standalone = !!only && (only.mode === "standalone" || (only.role === null && only.mode === null));
  const isObserver = (m: MemberHealth) => m.role === "observer" || m.mode === "observer";
  const voters = members.filter((m) => !isObserver(m));
  const observers = members.filter(isObserver);
  const leaderMember = members.find((m) => m.mode === "leader") ?? null;
  const leader = leaderMember ? { address: leaderMember.address, serverId: leaderMember.serverId } : null;
  // The leader knows its synced followers, including members the console cannot reach itself.
  const votersUp = Math.max(voters.filter(alive).length, leaderMember?.syncedFollowers != null ? leaderMember.syncedFollowers + 1 : 0);
  const needed = standalone ? 1 : Math.floor(voters.length / 2) + 1;
  const tolerates = Math.max(0, votersUp - needed);
  const base = { standalone, voters: voters.length, votersUp, needed, tolerates, observers: observers.length, observersUp: observers.filter(alive).length, leader };
  if (standalone) {
    const up = alive(members[0]);
    return { ...base, status: up ? "standalone" : "down", summary: up ? "standalone server: no quorum, no failure tolerance" : "the standalone server is down" };
  }
  // Followers prove a leader exists even when the console cannot see it (its 4lw whitelist, no client address).
  const leaderExists = !!leader || members.some((m) => m.mode === "follower" || m.mode === "observer");
  if (votersUp < needed || !leaderExists) {
    const why = votersUp < needed ? `${votersUp} of ${voters.length} voting members up, ${needed} needed` : "no leader is elected";
    return { ...base, status: "lost", summary: `quorum lost: ${why}` };
  }
  const lead = leader ? `server ${leader.serverId ?? "?"} (${leader.address}) leads` : "the leader does not show itself (not probed or its four-letter words are not whitelisted)";
  if (tolerates === 0) return { ...base, status: "at-risk", summary: `quorum at risk: ${votersUp} of ${voters.length} voting members up, ${needed} needed; one more failure loses it; ${lead}` };
  return { ...base, status: "ok", summary: `${votersUp} of ${voters.length} voting members up, ${needed} needed; tolerates ${tolerates} more failure${tolerates === 1 ? "" : "s"}; ${lead}` };
}
