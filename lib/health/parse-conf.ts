// `conf`: the member's effective settings, then (for quorum peers) `membership:` with
// server lines and the config version.
import { parseMembership, type MembershipConfig } from "./parse-server-lines";

export type ConfInfo = {
  settings: Record<string, string>;
  serverId: number | null;
  clientPort: number | null;
  observer: boolean;
  membership: MembershipConfig | null;
};

export function parseConf(text: string): ConfInfo {
  const [head, members] = text.split(/^membership:\s*$/m);
  const settings: Record<string, string> = {};
  for (const line of head.split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) settings[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  const num = (k: string) => (settings[k] !== undefined && Number.isFinite(Number(settings[k])) ? Number(settings[k]) : null);
  return {
    settings,
    serverId: num("serverId"),
    clientPort: num("clientPort"),
    // peerType 1 = observer (QuorumPeer.LearnerType ordinal)
    observer: settings.peerType === "1",
    membership: members === undefined ? null : parseMembership(members),
  };
}
