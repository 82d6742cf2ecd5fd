import { z } from "zod";
import { pathProblem } from "@/lib/core/zk/paths";

export const CHANGE_STATUSES = ["pending", "applying", "applied", "rejected", "withdrawn", "stale", "failed"] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export const listQuery = z.object({
  clusterId: z.string().max(100).optional(),
  status: z.enum(CHANGE_STATUSES, { errorMap: () => ({ message: `status must be one of ${CHANGE_STATUSES.join(", ")}` }) }).optional(),
  /** A user id, or "me". */
  author: z.string().max(100).optional(),
  breakGlass: z.enum(["true", "false"]).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict();

const comment = z.string().trim().max(2000, "comment is longer than 2000 characters");
export const approveInput = z.object({ comment: comment.optional() }).strict();
export const rejectInput = z.object({ comment }).strict();
export const withdrawInput = z.object({ comment: comment.optional() }).strict();
export const applyNowInput = z.object({ reason: z.string().trim().min(1, "reason is required to break glass").max(2000) }).strict();

export const protectionInput = z.object({
  pathPrefix: z.string().max(4096).superRefine((p, ctx) => {
    const problem = pathProblem(p);
    if (problem) ctx.addIssue({ code: "custom", message: `pathPrefix: ${problem}` });
  }),
  approvals: z.number({ invalid_type_error: "approvals must be a number from 1 to 3" }).int().min(1, "approvals must be 1, 2 or 3").max(3, "approvals must be 1, 2 or 3").default(1),
}).strict();
