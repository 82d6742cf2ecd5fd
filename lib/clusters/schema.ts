import { z } from "zod";
import { parseConnectionString } from "./connection-string";

export const ENVIRONMENTS = ["prod", "staging", "dev", "test"] as const;

const connectionString = z.string().max(10_000).superRefine((value, ctx) => {
  const parsed = parseConnectionString(value);
  if ("error" in parsed) ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.error });
});

export const clusterInput = z.object({
  name: z.string().trim().min(1, "a name is required").max(64, "the name is longer than 64 characters").regex(/^[\w .-]+$/, "the name may contain letters, digits, spaces, dot, dash and underscore"),
  connectionString,
  sessionTimeoutMs: z.number().int().min(2000, "the session timeout must be at least 2000 ms").max(120_000, "the session timeout must be at most 120000 ms").default(15000),
  readOnly: z.boolean().default(false),
  environment: z.enum(ENVIRONMENTS).default("dev"),
  maxDataBytes: z.number().int().min(1).max(64 * 1024 * 1024).default(1024 * 1024),
}).strict();

export const clusterPatch = clusterInput.partial().strict();

export const connectionTestInput = z.object({
  connectionString,
  sessionTimeoutMs: z.number().int().min(2000).max(120_000).default(10_000),
}).strict();

export type ClusterInput = z.infer<typeof clusterInput>;
