import { z } from "zod";

const port = (what: string) => z.number({ required_error: `${what} is required`, invalid_type_error: `${what} must be a number` }).int().min(1, `${what} must be 1-65535`).max(65535, `${what} must be 1-65535`);
const serverId = z.number({ required_error: "id (the server id) is required", invalid_type_error: "id must be a number" }).int().min(1, "server ids are 1-255").max(255, "server ids are 1-255");

const newServer = z.object({
  id: serverId,
  host: z.string().trim().regex(/^(\[[0-9a-fA-F:]+\]|[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?)$/, "host must be a host name or an IP address"),
  quorumPort: port("quorumPort"),
  electionPort: port("electionPort"),
  clientPort: port("clientPort"),
  observer: z.boolean().default(false),
}).strict();

export const reconfigChange = z.discriminatedUnion("change", [
  z.object({ change: z.literal("add"), server: newServer }).strict(),
  z.object({ change: z.literal("remove"), id: serverId }).strict(),
  z.object({ change: z.literal("to-observer"), id: serverId }).strict(),
  z.object({ change: z.literal("to-participant"), id: serverId }).strict(),
], { errorMap: (issue, ctx) => (issue.code === "invalid_union_discriminator" ? { message: "change must be add, remove, to-observer or to-participant" } : { message: ctx.defaultError }) });

export const reconfigApply = z.object({
  change: reconfigChange,
  /** The config version the operator reviewed (hex, from the plan): a concurrent change makes the apply fail. */
  fromVersion: z.string().regex(/^[0-9a-f]+$/i, "fromVersion is the hex config version shown in the plan"),
  reason: z.string().trim().max(1000, "the reason is longer than 1000 characters").optional(),
}).strict();

export type ReconfigChange = z.infer<typeof reconfigChange>;
