// The rules a deployable ensemble follows. Errors stop generation; warnings are advice.
import type { Deployment } from "./schema";

export const MIN_SIZE = 3;
export const MAX_SIZE = 9;

export function validateDeployment(d: Deployment): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const size = d.members.length;
  if (size < MIN_SIZE || size > MAX_SIZE) errors.push(`an ensemble has ${MIN_SIZE} to ${MAX_SIZE} members; this one has ${size}`);

  const ids = new Map<number, number>();
  for (const m of d.members) ids.set(m.id, (ids.get(m.id) ?? 0) + 1);
  for (const [id, n] of ids) if (n > 1) errors.push(`server id ${id} is used by ${n} members; every member needs its own id (it goes into its myid file)`);

  const owners = new Map<string, string>();
  for (const m of d.members) {
    const ports: [string, number | null][] = [["clientPort", m.clientPort], ["quorumPort", m.quorumPort], ["electionPort", m.electionPort], ["adminPort", m.adminPort]];
    for (const [what, port] of ports) {
      if (port === null) continue;
      const key = `${m.host.toLowerCase()}:${port}`;
      const owner = `server ${m.id} ${what}`;
      const taken = owners.get(key);
      if (taken) errors.push(`${key} is used twice (${taken} and ${owner}); every port on a host must be distinct`);
      else owners.set(key, owner);
    }
  }

  const voters = d.members.filter((m) => !m.observer).length;
  if (voters === 0) errors.push("every member is an observer; an ensemble needs voting members");
  else if (voters % 2 === 0) warnings.push(`${voters} voting members tolerate ${voters / 2 - 1} failure(s), no more than ${voters - 1} would: use an odd number of voters (or make one an observer)`);
  if (voters > 0 && voters < 3) warnings.push(`${voters} voting member(s) tolerate no failure; use at least 3`);
  if (d.syncLimit > d.initLimit) warnings.push(`syncLimit (${d.syncLimit}) is larger than initLimit (${d.initLimit}); followers usually need longer to sync initially than to stay in sync`);
  if (d.fourLetterWhitelist !== "*" && !d.fourLetterWhitelist.split(",").includes("mntr")) warnings.push("mntr is not whitelisted: the console's health view and most monitoring need it");
  if (new Set(d.members.map((m) => m.host.toLowerCase())).size < size) warnings.push("several members share a host: one host failure takes several votes with it; each gets its own data directory (<dataDir>/member-<id>)");
  return { errors, warnings };
}
