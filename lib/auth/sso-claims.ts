// The identity provider's claims, checked by shape before any of them is used: the subject must
// be a non-empty string (GitHub: its numeric account id), or the sign-in is refused – a null,
// numeric or object `sub` stringified would merge different people into one account; a name,
// email or username of the wrong shape is ignored with a log line naming the claim (never the
// claim set); a token issued in the future beyond the clock skew is refused; the groups list is
// cut at MAX_GROUPS and what was dropped is said.
import { z } from "zod";
import { logger } from "@/lib/core/log";
import type { SsoIdentity } from "./sso-login";

const log = logger("auth");

/** Groups kept from one sign-in; the rest are dropped (logged, audited, shown on the user's admin page). */
export const MAX_GROUPS = 200;
export const MAX_GROUP_CHARS = 256;
/** How far in the future an `iat` may be (the issuer's clock running ahead). */
export const CLOCK_SKEW_SECONDS = 60;

export type ClaimsRefusal = "BadSubject" | "IssuedInFuture";
export type CheckedIdentity = SsoIdentity & { droppedGroups: number };

const subject = z.string().trim().min(1).max(255);
const githubId = z.number().int().positive().transform(String);
const text = z.string().trim().min(1).max(256);
const email = z.string().trim().email().max(320);
const OPTIONAL = { name: text, email, preferred_username: text, login: text } as const;

/** The groups claim (a dotted path like realm_access.roles works too): clean strings, and how many were dropped. */
export function groupsFromClaims(claims: Record<string, unknown> | undefined, claim = process.env.OIDC_GROUPS_CLAIM || "groups"): { groups: string[]; dropped: number } {
  let v: unknown = claims;
  for (const key of claim.split(".")) v = v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  const list: unknown[] = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  const valid = list.filter((g): g is string => typeof g === "string" && g.length > 0 && g.length <= MAX_GROUP_CHARS);
  const distinct = [...new Set(valid)];
  const groups = distinct.slice(0, MAX_GROUPS);
  // Repeats are not losses; everything else left out is.
  return { groups, dropped: list.length - valid.length + distinct.length - groups.length };
}

/** The identity a sign-in may use, or why it is refused. `profile` is the provider's raw claims. */
export function identityFromClaims(provider: string, profile: unknown, now = Date.now()): CheckedIdentity | { refused: ClaimsRefusal; why: string } {
  const claims = (profile && typeof profile === "object" ? profile : {}) as Record<string, unknown>;
  const sub = (provider === "github" ? githubId : subject).safeParse(provider === "github" ? claims.id : claims.sub);
  if (!sub.success) {
    log.warn({ provider, claim: provider === "github" ? "id" : "sub", type: typeOf(provider === "github" ? claims.id : claims.sub) }, "sign-in refused: the subject claim is not a non-empty string");
    return { refused: "BadSubject", why: "the identity provider sent no usable subject (sub must be a non-empty string)" };
  }
  if (typeof claims.iat === "number" && claims.iat > now / 1000 + CLOCK_SKEW_SECONDS) {
    log.warn({ provider, subject: sub.data, aheadSeconds: Math.round(claims.iat - now / 1000) }, "sign-in refused: the token was issued in the future");
    return { refused: "IssuedInFuture", why: `the token was issued ${Math.round(claims.iat - now / 1000)} s in the future (more than the ${CLOCK_SKEW_SECONDS} s clock skew allowed)` };
  }
  const optional = {} as Record<keyof typeof OPTIONAL, string | null>;
  for (const [claim, schema] of Object.entries(OPTIONAL) as [keyof typeof OPTIONAL, z.ZodTypeAny][]) {
    const raw = claims[claim];
    const parsed = raw === undefined || raw === null ? null : schema.safeParse(raw);
    optional[claim] = parsed?.success ? parsed.data : null;
    if (parsed && !parsed.success) log.warn({ provider, subject: sub.data, claim, type: typeOf(raw) }, "ignored a malformed claim");
  }
  const { groups, dropped } = groupsFromClaims(claims);
  if (dropped > 0) log.warn({ provider, subject: sub.data, kept: groups.length, dropped, max: MAX_GROUPS }, `dropped ${dropped} entries of the groups claim (over ${MAX_GROUPS}, empty, longer than ${MAX_GROUP_CHARS} characters or not strings)`);
  return {
    provider,
    subject: sub.data,
    name: optional.name,
    email: optional.email,
    preferredUsername: optional.preferred_username ?? optional.login,
    groups,
    droppedGroups: dropped,
  };
}

const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
