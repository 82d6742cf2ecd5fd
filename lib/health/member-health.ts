// One ensemble member as the health view shows it: where it is, what the ensemble's
// configuration says about it, and what its probe found.
import type { MemberProbe } from "./probe-member";

export type MemberHealth = Omit<MemberProbe, "state" | "conf" | "cons" | "dump"> & {
  state: MemberProbe["state"] | "unknown";
  host: string;
  clientPort: number | null;
  serverId: number | null;
  role: "participant" | "observer" | null;
  /** Where the console learned about this member. */
  sources: ("connection-string" | "dynamic-config" | "conf")[];
};
