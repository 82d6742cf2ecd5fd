import { z } from "zod";
import { pathProblem } from "@/lib/core/zk/paths";
import { globalRoleSchema, roleSchema } from "@/lib/access/roles";
import { DEFAULT_ROLES } from "@/lib/auth/settings-values";

export const userPatch = z.object({
  disabled: z.boolean({ invalid_type_error: "disabled must be true or false" }).optional(),
  role: globalRoleSchema.optional(),
}).strict().refine((v) => v.disabled !== undefined || v.role !== undefined, "send disabled and/or role");

const pathPrefix = z.string().max(4096).superRefine((p, ctx) => {
  const problem = pathProblem(p);
  if (problem) ctx.addIssue({ code: "custom", message: `pathPrefix: ${problem}` });
});

export const grantInput = z.object({
  subjectType: z.enum(["user", "group"], { errorMap: () => ({ message: "subjectType must be user or group" }) }),
  subject: z.string().trim().min(1, "subject is required: a user id or an IdP group name").max(256, "subject is longer than 256 characters"),
  role: roleSchema,
  clusterId: z.string().min(1).max(100).nullish(),
  pathPrefix: pathPrefix.nullish(),
}).strict();

export const settingsPatch = z.object({
  defaultRole: z.enum(DEFAULT_ROLES, { errorMap: () => ({ message: `defaultRole must be one of ${DEFAULT_ROLES.join(", ")}` }) }),
}).strict();

const username = z.string().trim().min(1, "username is required").max(128, "username is longer than 128 characters")
  .regex(/^[A-Za-z0-9._@-]+$/, "username may contain letters, digits and . _ @ - only");
const password = z.string({ required_error: "password is required" }).max(1024, "password is longer than 1024 characters");

/** A local (password) account created by an admin; password rules are checked by the verb. */
export const newUserInput = z.object({
  username,
  password,
  displayName: z.string().trim().max(128, "displayName is longer than 128 characters").optional(),
  role: globalRoleSchema.default("viewer"),
  mustChangePassword: z.boolean().default(false),
}).strict();

export const passwordResetInput = z.object({ password, mustChangePassword: z.boolean().default(true) }).strict();
