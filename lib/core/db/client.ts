import "server-only";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client";
import { sqliteAdapter } from "./adapter";
import { invalidatingWrites } from "./invalidating";
import { postgresAdapter } from "./postgres-adapter";
import { databaseKind, databaseUrl } from "./url";

// One client per process, kept on globalThis across Next.js hot reloads.
const holder = globalThis as { __prisma?: PrismaClient };

/** A connection that cannot be made within this is a database that is down (503), not a hang. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;

function createClient(url: string): PrismaClient {
  if (databaseKind(url) === "sqlite") return invalidatingWrites(new PrismaClient({ adapter: sqliteAdapter(url) }));
  // Both clients are generated from one schema (prisma/postgresql/schema.prisma is derived from
  // prisma/schema.prisma), so the models and their operations are the same: one type for callers.
  const adapter = postgresAdapter(url, { max: 10, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS, idleTimeoutMillis: 30_000, application_name: "zk-console" });
  return invalidatingWrites(new PostgresPrismaClient({ adapter }) as unknown as PrismaClient);
}

export function db(): PrismaClient {
  return (holder.__prisma ??= createClient(databaseUrl()));
}
