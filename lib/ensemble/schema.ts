// What the ensemble verbs take: a deployment to generate, a reconfiguration to plan and apply.
import { z } from "zod";
import { DEFAULT_SYSTEMD } from "./systemd-unit";

const port = (what: string) => z.number({ invalid_type_error: `${what} must be a number` }).int(`${what} must be a whole number`).min(1, `${what} must be 1-65535`).max(65535, `${what} must be 1-65535`);
const host = z.string().trim().min(1, "a host is required").max(253, "the host name is longer than 253 characters")
  .regex(/^(\[[0-9a-fA-F:]+\]|[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?)$/, "a host must be a host name or an IP address");
const absPath = (what: string) => z.string().trim().regex(/^\/[^\s]*$/, `${what} must be an absolute path without spaces`);

export const deploymentMember = z.object({
  id: z.number().int("a server id must be a whole number").min(1, "server ids are 1-255").max(255, "server ids are 1-255"),
  host,
  clientPort: port("clientPort").default(2181),
  quorumPort: port("quorumPort").default(2888),
  electionPort: port("electionPort").default(3888),
  adminPort: port("adminPort").nullable().default(8080),
  observer: z.boolean().default(false),
}).strict();

export const deploymentInput = z.object({
  members: z.array(deploymentMember).min(1, "at least one member").max(32, "at most 32 members"),
  tickTime: z.number().int().min(100).max(60_000).default(2000),
  initLimit: z.number().int().min(1).max(1000).default(10),
  syncLimit: z.number().int().min(1).max(1000).default(5),
  dataDir: absPath("dataDir").default("/var/lib/zookeeper"),
  dataLogDir: absPath("dataLogDir").nullable().default(null),
  fourLetterWhitelist: z.string().trim().regex(/^(\*|[a-z]{4}(,[a-z]{4})*)$/, 'the whitelist is "*" or a comma-separated list of four-letter words').default("ruok,srvr,mntr,conf,cons,wchs,isro,dump,stat,envi"),
  maxClientCnxns: z.number().int().min(0).max(100_000).default(60),
  autopurge: z.object({ snapRetainCount: z.number().int().min(3, "ZooKeeper keeps at least 3 snapshots").max(1000), purgeIntervalHours: z.number().int().min(0).max(24 * 365) }).strict().default({ snapRetainCount: 3, purgeIntervalHours: 24 }),
  reconfigEnabled: z.boolean().default(false),
  systemd: z.object({
    user: z.string().regex(/^[a-z_][a-z0-9_-]*$/, "user must be a plain Unix user name").default(DEFAULT_SYSTEMD.user),
    group: z.string().regex(/^[a-z_][a-z0-9_-]*$/, "group must be a plain Unix group name").default(DEFAULT_SYSTEMD.group),
    java: absPath("java").default(DEFAULT_SYSTEMD.java),
    heap: z.string().regex(/^\d+[mg]$/, "heap is like 512m or 2g").default(DEFAULT_SYSTEMD.heap),
    classpath: z.string().regex(/^[^\s]+$/, "the classpath has no spaces").default(DEFAULT_SYSTEMD.classpath),
    configDir: absPath("configDir").default(DEFAULT_SYSTEMD.configDir),
    logDir: absPath("logDir").default(DEFAULT_SYSTEMD.logDir),
  }).strict().default({}),
}).strict();

export type DeploymentInput = z.input<typeof deploymentInput>;
export type Deployment = z.output<typeof deploymentInput>;

// Reconfiguration of a running ensemble.
const reconfigPort = (what: string) => z.number({ required_error: `${what} is required`, invalid_type_error: `${what} must be a number` }).int().min(1, `${what} must be 1-65535`).max(65535, `${what} must be 1-65535`);
const serverId = z.number({ required_error: "id (the server id) is required", invalid_type_error: "id must be a number" }).int().min(1, "server ids are 1-255").max(255, "server ids are 1-255");

const newServer = z.object({
  id: serverId,
  host: z.string().trim().regex(/^(\[[0-9a-fA-F:]+\]|[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?)$/, "host must be a host name or an IP address"),
  quorumPort: reconfigPort("quorumPort"),
  electionPort: reconfigPort("electionPort"),
  clientPort: reconfigPort("clientPort"),
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
