import { z } from "zod";
import { parseConnectionString } from "@/lib/core/zk/connection-string";

export const ENVIRONMENTS = ["prod", "staging", "dev", "test"] as const;

const connectionString = z.string({ required_error: "connectionString is required (host:port[,host:port...][/chroot])", invalid_type_error: "connectionString must be a string" }).max(10_000, "the connection string is longer than 10000 characters").superRefine((value, ctx) => {
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
  adminServerPort: z.number().int().min(1, "the AdminServer port must be 1-65535").max(65535, "the AdminServer port must be 1-65535").nullable().optional(),
  webhookUrl: z.string().trim().max(2000, "the webhook URL is longer than 2000 characters").url("the webhook URL must be a full http(s) URL").refine((u) => /^https?:\/\//i.test(u), "the webhook URL must start with http:// or https://").nullable().optional(),
  latencyAlertMs: z.number().int().min(1, "the latency alert threshold must be at least 1 ms").max(600_000, "the latency alert threshold must be at most 600000 ms").nullable().optional(),
}).strict();

export const clusterPatch = clusterInput.partial().strict();

export const connectionTestInput = z.object({
  connectionString,
  sessionTimeoutMs: z.number().int().min(2000).max(120_000).default(10_000),
}).strict();

export type ClusterInput = z.infer<typeof clusterInput>;
