// What GET /api/health tells a load balancer about this console instance, unauthenticated: which
// instance it is, its version, whether its database answers and whether it runs the health
// sampler. Nothing secret (no host, user or error text of the database).
import "server-only";
import { db } from "@/lib/core/db/client";
import { databaseKind } from "@/lib/core/db/url";
import { instanceId } from "@/lib/core/instance";
import { samplerLeads } from "./sampler";

export type ConsoleHealth = {
  status: "ok" | "degraded";
  instance: string;
  version: string;
  database: { kind: "sqlite" | "postgresql"; up: boolean };
  sampler: boolean;
};

const PROBE_TIMEOUT_MS = 3_000;

export async function getConsoleHealth(): Promise<ConsoleHealth> {
  let timer: NodeJS.Timeout | undefined;
  const up = await Promise.race([
    db().$queryRawUnsafe("SELECT 1").then(() => true, () => false),
    new Promise<false>((r) => (timer = setTimeout(() => r(false), PROBE_TIMEOUT_MS))),
  ]).finally(() => clearTimeout(timer));
  return { status: up ? "ok" : "degraded", instance: instanceId(), version: process.env.ZK_CONSOLE_VERSION ?? "unknown", database: { kind: databaseKind(), up }, sampler: samplerLeads() };
}
