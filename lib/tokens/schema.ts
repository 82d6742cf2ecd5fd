// API tokens and service accounts at the API boundary: what may be sent, what is answered.
import { z } from "zod";
import { globalRoleSchema, roleSchema } from "@/lib/access/roles";
import { pathProblem } from "@/lib/core/zk/paths";

export const TOKEN_MAX_DAYS = 366;

const name = (what: string) => z.string().trim().min(1, `${what} is required`).max(64, `${what} is longer than 64 characters`)
  // Shown in the audit trail and on pages: printable text only (it is rendered as text, never HTML).
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `${what} may not contain control characters`);

const pathPrefix = z.string().max(4096).superRefine((p, ctx) => {
  const problem = pathProblem(p);
  if (problem) ctx.addIssue({ code: "custom", message: `pathPrefix: ${problem}` });
});

export const createTokenInput = z.object({
  name: name("name"),
  /** The most the token may do (within its user's rights); null: nothing but /metrics. */
  role: roleSchema.nullable(),
  clusterId: z.string().min(1).max(100).nullish(),
  pathPrefix: pathPrefix.nullish(),
  /** GET requests only. */
  readOnly: z.boolean().optional(),
  /** May scrape /metrics (admins only). */
  metrics: z.boolean().optional(),
  expiresInDays: z.number({ invalid_type_error: "expiresInDays must be a number of days" }).int("expiresInDays must be whole days")
    .min(1, "expiresInDays must be at least 1").max(TOKEN_MAX_DAYS, `expiresInDays may be at most ${TOKEN_MAX_DAYS}`),
  /** Make the token for this service account instead of yourself (admins only). */
  serviceAccountId: z.string().min(1).max(100).nullish(),
}).strict().refine((t) => t.role !== null || t.metrics, { message: "role: a token needs a role, or the metrics scope", path: ["role"] });

export type CreateTokenInput = z.input<typeof createTokenInput>;

export const tokenStatus = z.enum(["active", "expired", "revoked"]);

export const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  /** The token's first characters, to tell it apart (never the secret). */
  hint: z.string(),
  owner: z.object({ id: z.string(), username: z.string(), serviceAccount: z.boolean() }),
  createdBy: z.string().nullable(),
  role: roleSchema.nullable(),
  clusterId: z.string().nullable(),
  clusterName: z.string().nullable(),
  pathPrefix: z.string().nullable(),
  readOnly: z.boolean(),
  metrics: z.boolean(),
  status: tokenStatus,
  expiresAt: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
});
export type TokenView = z.infer<typeof tokenView>;

export const effectiveGrant = z.object({ role: roleSchema, clusterId: z.string().nullable(), pathPrefix: z.string().nullable(), via: z.string().optional() });

export const createdToken = z.object({
  /** The secret, shown once: only its SHA-256 is kept. */
  token: z.string(),
  apiToken: tokenView,
  /** What the token may do right now (its scope within its user's rights). */
  effective: z.array(effectiveGrant),
});

export const tokenList = z.object({ tokens: z.array(tokenView) });

export const serviceAccountInput = z.object({
  name: name("name").refine((v) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v), "name may hold letters, digits, dot, dash and underscore, starting with a letter or digit"),
  /** Its global role; grants add the rest (Admin → Grants). Default none. */
  role: globalRoleSchema.optional(),
}).strict();

export const serviceAccountView = z.object({
  id: z.string(),
  username: z.string(),
  role: z.string(),
  disabled: z.boolean(),
  createdAt: z.string(),
  activeTokens: z.number().int(),
});
export const serviceAccountList = z.object({ serviceAccounts: z.array(serviceAccountView) });
