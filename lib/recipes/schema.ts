import { z } from "zod";
import { pathProblem } from "@/lib/core/zk/paths";

const path = z.string().superRefine((p, ctx) => {
  const problem = pathProblem(p);
  if (problem) ctx.addIssue({ code: "custom", message: `invalid path ${JSON.stringify(p)}: ${problem}` });
});

/** Roots come as a comma-separated query value; RECIPES_SCAN_ROOTS (default "/") when absent. */
export const scanQuery = z.object({
  roots: z.string().max(4000).optional()
    .transform((v) => (v ?? process.env.RECIPES_SCAN_ROOTS ?? "/").split(",").map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(path).min(1, "give at least one root").max(10, "at most 10 roots")),
  maxDepth: z.coerce.number().int().min(1, "maxDepth must be at least 1").max(32, "maxDepth must be at most 32").default(10),
  maxNodes: z.coerce.number().int().min(1, "maxNodes must be at least 1").max(50_000, "maxNodes must be at most 50000").default(5000),
});

export const forceReleaseInput = z.object({
  path,
  version: z.number({ required_error: "version is required: send the version you saw, so a re-acquired lock is never deleted unseen", invalid_type_error: "version must be a number" })
    .int().min(0, "version must be 0 or more"),
  reason: z.string({ required_error: "a reason is required: force release is audited" }).trim().min(1, "a reason is required: force release is audited").max(1000, "the reason is longer than 1000 characters"),
}).strict();
