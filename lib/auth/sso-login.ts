// First and later sign-ins through an identity provider: find or create the console user by
// (provider, subject), refresh its groups, apply the default role, refuse when it has no access.
import "server-only";
import { db } from "@/lib/core/db/client";
import { grantsFor } from "@/lib/access/grants";
import { auditLogin, auditLoginFailure } from "./login-audit";
import { defaultRole } from "./settings";
import { isRole } from "@/lib/access/roles";

export type SsoIdentity = {
  provider: string;
  subject: string;
  name?: string | null;
  email?: string | null;
  preferredUsername?: string | null;
  groups: string[];
};

/** Why a sign-in was refused; the login page explains each one. */
export type SsoRefusal = "NoAccess" | "Disabled";

const MAX_GROUPS = 200;

/** The groups claim (a dotted path like realm_access.roles works too), as clean strings. */
export function groupsFromClaims(claims: Record<string, unknown> | undefined, claim = process.env.OIDC_GROUPS_CLAIM || "groups"): string[] {
  let v: unknown = claims;
  for (const key of claim.split(".")) v = v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  const list = Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
  return [...new Set(list.filter((g): g is string => typeof g === "string" && g.length > 0 && g.length <= 256))].slice(0, MAX_GROUPS);
}

async function freeUsername(identity: SsoIdentity): Promise<string> {
  const wanted = (identity.preferredUsername || identity.email || identity.subject).slice(0, 128);
  for (const candidate of [wanted, `${wanted}@${identity.provider}`, `${identity.provider}:${identity.subject}`]) {
    if (!(await db().user.findUnique({ where: { username: candidate } }))) return candidate;
  }
  return `${identity.provider}:${identity.subject}:${Date.now()}`;
}

export async function completeSsoLogin(identity: SsoIdentity, sourceIp: string | null): Promise<{ userId: string } | { refused: SsoRefusal }> {
  const key = { provider_subject: { provider: identity.provider, subject: identity.subject } };
  const attempt = { username: identity.preferredUsername || identity.email || identity.subject, provider: identity.provider, sourceIp };
  const groups = JSON.stringify(identity.groups);
  let user = await db().user.findUnique({ where: key });
  if (user?.disabled) {
    await auditLoginFailure({ ...attempt, userId: user.id }, "the account is disabled");
    return { refused: "Disabled" };
  }
  if (!user) {
    const role = await defaultRole();
    const mapped = await grantsFor("", identity.groups);
    if (role === "none" && mapped.length === 0) {
      await auditLoginFailure(attempt, "first sign-in refused: the default role is none and no group mapping applies");
      return { refused: "NoAccess" };
    }
    user = await db().user.create({
      data: { username: await freeUsername(identity), name: identity.name || null, provider: identity.provider, subject: identity.subject, role, groups, lastLoginAt: new Date() },
    });
  } else {
    user = await db().user.update({ where: { id: user.id }, data: { name: identity.name || user.name, groups, lastLoginAt: new Date() } });
  }
  if (!isRole(user.role) && (await grantsFor(user.id, identity.groups)).length === 0) {
    await auditLoginFailure({ ...attempt, userId: user.id }, "sign-in refused: no role and no grant");
    return { refused: "NoAccess" };
  }
  await auditLogin({ ...attempt, username: user.username, userId: user.id }, { groups: identity.groups });
  return { userId: user.id };
}
