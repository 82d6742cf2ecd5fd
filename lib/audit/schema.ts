import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodTypeAny>(t: T) => z.preprocess(blankToUndefined, t.optional());
const date = (name: string) => z.coerce.date({ errorMap: () => ({ message: `${name} must be a date/time, e.g. 2025-01-31T12:00:00Z` }) });

export const OUTCOMES = ["ok", "failed", "unknown", "pending"] as const;

/** Filters of the audit list and export; all optional. `before` pages backwards by record id. */
export const auditFilter = z.object({
  actor: optional(z.string().trim().max(200)),
  clusterId: optional(z.string().max(100)),
  pathPrefix: optional(z.string().max(4096).refine((p) => p.startsWith("/"), "pathPrefix must start with /")),
  operation: optional(z.string().trim().max(64)),
  outcome: optional(z.enum(OUTCOMES, { errorMap: () => ({ message: `outcome must be one of ${OUTCOMES.join(", ")}` }) })),
  from: optional(date("from")),
  to: optional(date("to")),
  requestId: optional(z.string().max(100)),
  before: optional(z.coerce.number().int().positive()),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1, "limit must be at least 1").max(500, "limit must be at most 500").default(100)),
});
export type AuditFilter = z.infer<typeof auditFilter>;

export const exportQuery = z.object({ format: z.enum(["csv", "json"], { errorMap: () => ({ message: "format must be csv or json" }) }).default("json") });

export const historyQuery = z.object({
  clusterId: z.string({ required_error: "clusterId is required" }).min(1),
  path: z.string({ required_error: "path is required" }),
});

export const restoreInput = z.object({
  version: z.number({ required_error: "version is required: send the node's current version as you saw it, so a newer change is never overwritten unseen", invalid_type_error: "version must be a number" }).int().min(0),
  /** "after" restores the value this change wrote; "before" undoes the change. */
  side: z.enum(["before", "after"], { errorMap: () => ({ message: "side must be before or after" }) }).default("after"),
  reason: z.string().trim().max(1000, "the reason is longer than 1000 characters").optional(),
}).strict();
