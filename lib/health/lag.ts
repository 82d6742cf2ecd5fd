// How far each member's last zxid is behind the leader's.
import type { MemberHealth } from "./member-health";
import { zxidLag } from "./zxid";

export type LagRow = { address: string; serverId: number | null; mode: string | null; zxid: string | null; transactionsBehind: number | null; epochsBehind: number | null };

export function zxidLagView(members: MemberHealth[]): LagRow[] {
  const leader = members.find((m) => m.mode === "leader" && m.zxid);
  return members
    .filter((m) => m.mode !== "leader" && (m.state === "up" || m.zxid))
    .map((m) => {
      const lag = leader?.zxid && m.zxid ? zxidLag(leader.zxid, m.zxid) : null;
      return { address: m.address, serverId: m.serverId, mode: m.mode, zxid: m.zxid?.hex ?? null, transactionsBehind: lag?.transactions ?? null, epochsBehind: lag ? lag.epochs : null };
    });
}
