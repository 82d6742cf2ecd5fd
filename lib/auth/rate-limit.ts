// Failed sign-ins are counted from the audit trail itself, so the limit holds across restarts
// and across console instances sharing a database.
import "server-only";
import { db } from "@/lib/core/db/client";

export const LOGIN_LIMIT = {
  windowMs: 5 * 60_000,
  /** Per username and source address. */
  failures: 10,
  /** Per username from any address: behind a trusted proxy (TRUST_PROXY) the address is what the proxy reports. */
  failuresAnyAddress: 50,
};

export const RATE_LIMITED_OPERATION = "login_rate_limited";

/** A message when sign-in for this username from this address is paused, else null. */
export async function loginPause(username: string, sourceIp: string | null): Promise<string | null> {
  const since = new Date(Date.now() - LOGIN_LIMIT.windowMs);
  const where = { operation: "login_failed", actorName: username, at: { gte: since } };
  const [fromHere, total] = await Promise.all([
    db().auditRecord.count({ where: { ...where, sourceIp } }),
    db().auditRecord.count({ where }),
  ]);
  if (fromHere < LOGIN_LIMIT.failures && total < LOGIN_LIMIT.failuresAnyAddress) return null;
  const minutes = Math.round(LOGIN_LIMIT.windowMs / 60_000);
  return `Too many failed sign-ins for ${username}: wait ${minutes} minutes before trying again (at most ${LOGIN_LIMIT.failures} failures per ${minutes} minutes).`;
}
