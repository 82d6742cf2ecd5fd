// ACL input as the API takes it: entries { scheme, id, perms: "cdrwa" letters }, shared by server and editor.
import { z } from "zod";
import { aclIdProblem, MAX_ACL_ENTRIES, normalizeId, repeatedEntryProblem, SCHEMES, type AclRule } from "@/lib/core/zk/acl-ids";
import { permBits } from "@/lib/core/zk/perms";

export { MAX_ACL_ENTRIES, type AclRule };

export const aclEntryInput = z.object({
  scheme: z.string({ required_error: "scheme is required" }),
  id: z.string().max(1024, "the id is longer than 1024 characters").default(""),
  perms: z.string({ required_error: "perms is required (letters from cdrwa)" }).max(16),
}).strict().superRefine((e, ctx) => {
  if (!(SCHEMES as readonly string[]).includes(e.scheme)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["scheme"], message: `unknown ACL scheme ${JSON.stringify(e.scheme)}; use one of ${SCHEMES.join(", ")}` });
    return;
  }
  const problem = aclIdProblem(e.scheme, normalizeId(e.scheme, e.id));
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["id"], message: problem });
  const bits = permBits(e.perms);
  if (bits === null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["perms"], message: `perms ${JSON.stringify(e.perms)} may only contain the letters c, d, r, w, a` });
  else if (bits === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["perms"], message: "an entry must grant at least one permission (c, d, r, w or a)" });
}).transform((e) => ({ scheme: e.scheme, id: normalizeId(e.scheme, e.id), perms: permBits(e.perms)! }));

export const aclInput = z.array(aclEntryInput)
  .min(1, "an ACL needs at least one entry")
  .max(MAX_ACL_ENTRIES, `an ACL may have at most ${MAX_ACL_ENTRIES} entries`)
  .superRefine((acl, ctx) => {
    const repeated = repeatedEntryProblem(acl);
    if (repeated) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [repeated.index], message: repeated.message });
  });

export const setAclInput = z.object({
  acl: aclInput,
  aversion: z.number({ required_error: "aversion is required: the ACL version you saw (Stat.aversion)", invalid_type_error: "aversion must be a number" }).int().min(0, "aversion must be 0 or more"),
  reason: z.string().max(1000).optional(),
  override: z.boolean().default(false),
}).strict();

export const recursiveAclInput = z.object({
  acl: aclInput,
  preview: z.boolean().default(false),
  reason: z.string().max(1000).optional(),
  override: z.boolean().default(false),
}).strict();

export const presetInput = z.object({
  name: z.string({ required_error: "name is required" }).trim().min(1, "name is required").max(80, "name is longer than 80 characters"),
  entries: aclInput,
}).strict();

export const pathQuery = z.object({ path: z.string({ required_error: "the path query parameter is required" }) });
