import { z } from "zod";

const INT32_MAX = 2_147_483_647;

export const NODE_TYPES = ["persistent", "persistent_sequential", "ephemeral", "ephemeral_sequential", "container", "persistent_ttl", "persistent_sequential_ttl"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const nodeData = {
  data: z.string().max(96 * 1024 * 1024).default(""),
  encoding: z.enum(["utf8", "base64"]).default("utf8"),
};

export const reason = z.string().trim().max(1000, "the reason is longer than 1000 characters").optional();
export const version = z.number({ required_error: "version is required: send the version you saw, so a newer change is never overwritten", invalid_type_error: "version must be a number" })
  .int("version must be a whole number").min(0, "version must be 0 or more").max(INT32_MAX, "version is larger than ZooKeeper allows");

export const createInput = z.object({
  ...nodeData,
  nodeType: z.enum(NODE_TYPES).default("persistent"),
  ttlMs: z.number({ invalid_type_error: "ttlMs must be a number of milliseconds" }).int("ttlMs must be a whole number of milliseconds").min(1, "ttlMs must be at least 1").max(365 * 24 * 3600 * 1000, "ttlMs must be at most one year").optional(),
  createParents: z.boolean().default(false),
  reason,
}).strict().superRefine((v, ctx) => {
  const isTtl = v.nodeType.endsWith("_ttl");
  if (isTtl && v.ttlMs === undefined) ctx.addIssue({ code: "custom", path: ["ttlMs"], message: "a TTL node needs ttlMs" });
  if (!isTtl && v.ttlMs !== undefined) ctx.addIssue({ code: "custom", path: ["ttlMs"], message: "ttlMs is only for persistent_ttl and persistent_sequential_ttl nodes" });
});

export const setInput = z.object({ ...nodeData, version, reason }).strict();

// Query strings carry the version as text: "" counts as missing (never as version 0), digits
// become a number, anything else stays text and fails as "version must be a number".
const versionParam = z.preprocess((v) => (v === "" ? undefined : typeof v === "string" && /^\s*-?\d+(\.\d+)?(e\d+)?\s*$/i.test(v) ? Number(v) : v), version.optional());

export const deleteQuery = z.object({
  version: versionParam,
  recursive: z.enum(["true", "false"]).default("false"),
  confirm: z.string().optional(),
  reason,
});

export function decodeData(data: string, encoding: "utf8" | "base64"): Buffer {
  if (encoding === "utf8") return Buffer.from(data, "utf8");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) {
    throw new z.ZodError([{ code: "custom", path: ["data"], message: "data is not valid base64" }]);
  }
  return Buffer.from(data, "base64");
}

export const FLAGS: Record<NodeType, number> = {
  persistent: 0,
  ephemeral: 1,
  persistent_sequential: 2,
  ephemeral_sequential: 3,
  container: 4,
  persistent_ttl: 5,
  persistent_sequential_ttl: 6,
};

/** At most this many operations in one POST …/multi (one ZooKeeper request: all or nothing). */
export const MAX_MULTI_OPS = 1000;

const opPath = z.string({ required_error: "path is required" });

/** One operation of a multi as the API takes it; data travels as UTF-8 text or base64. */
export const multiOp = z.discriminatedUnion("op", [
  z.object({ op: z.literal("create"), path: opPath, ...nodeData, nodeType: z.enum(NODE_TYPES).default("persistent"), ttlMs: z.number().int().min(1).max(365 * 24 * 3600 * 1000).optional() }).strict(),
  z.object({ op: z.literal("set"), path: opPath, ...nodeData, version }).strict(),
  z.object({ op: z.literal("delete"), path: opPath, version }).strict(),
  z.object({ op: z.literal("check"), path: opPath, version }).strict(),
], { errorMap: (issue, ctx) => (issue.code === "invalid_union_discriminator" ? { message: "op must be one of create, set, delete, check" } : { message: ctx.defaultError }) });

export const multiInput = z.object({
  ops: z.array(multiOp, { required_error: "ops is required: a list of { op, path, … }" }).min(1, "ops needs at least one operation").max(MAX_MULTI_OPS, `a multi takes at most ${MAX_MULTI_OPS} operations`),
  reason,
}).strict();

export type MultiOpInput = z.infer<typeof multiOp>;
