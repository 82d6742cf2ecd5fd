// First and later sign-ins through an identity provider: find or create the console user by
// (provider, subject), refresh its groups, apply the default role, refuse when it has no access.
import "server-only";
import { db } from "@/lib/core/db/client";
import { grantsFor } from "@/lib/access/grants";
import { auditLogin, auditLoginFailure } from "./login-audit";
import { defaultRole } from "./settings";
import { isRole } from "@/lib/access/roles";
import { bootstrapAdminUsername } from "./bootstrap-admin";

export type SsoIdentity = {
  provider: string;
  subject: string;
  name?: string | null;
  email?: string | null;
  preferredUsername?: string | null;
  groups: string[];
  /** Entries of the groups claim left out (see sso-claims.ts). */
  droppedGroups?: number;
};

/** Why a sign-in was refused; the login page explains each one. */
export type SsoRefusal = "NoAccess" | "Disabled" | "BadSubject" | "IssuedInFuture";

async function freeUsername(identity: SsoIdentity): Promise<string> {
  const wanted = (identity.preferredUsername || identity.email || identity.subject).slice(0, 128);
  for (const candidate of [wanted, `${wanted}@${identity.provider}`, `${identity.provider}:${identity.subject}`]) {
    // The bootstrap admin's name stays its own, even before the admin record exists.
    if (candidate === bootstrapAdminUsername()) continue;
    if (!(await db().user.findUnique({ where: { username: candidate } }))) return candidate;
  }
  return `${identity.provider}:${identity.subject}:${Date.now()}`;
}

export async function completeSsoLogin(identity: SsoIdentity, sourceIp: string | null): Promise<{ userId: string } | { refused: SsoRefusal }> {
  const key = { provider_subject: { provider: identity.provider, subject: identity.subject } };
  const attempt = { username: identity.preferredUsername || identity.email || identity.subject, provider: identity.provider, sourceIp };
  const groups = JSON.stringify(identity.groups);
  const groupsDropped = identity.droppedGroups ?? 0;
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
      data: { username: await freeUsername(identity), name: identity.name || null, provider: identity.provider, subject: identity.subject, role, groups, groupsDropped, lastLoginAt: new Date() },
    });
  } else {
    user = await db().user.update({ where: { id: user.id }, data: { name: identity.name || user.name, groups, groupsDropped, lastLoginAt: new Date() } });
  }
  if (!isRole(user.role) && (await grantsFor(user.id, identity.groups)).length === 0) {
    await auditLoginFailure({ ...attempt, userId: user.id }, "sign-in refused: no role and no grant");
    return { refused: "NoAccess" };
  }
  await auditLogin({ ...attempt, username: user.username, userId: user.id }, { groups: identity.groups, ...(groupsDropped ? { groupsDropped } : {}) });
  return { userId: user.id };
}
