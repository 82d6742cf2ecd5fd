import "server-only";
import { PrismaClient } from "./generated/prisma/client";
import { sqliteAdapter } from "./adapter";
import { invalidatingWrites } from "./invalidating";
import { databaseUrl } from "./url";

// One client per process, kept on globalThis across Next.js hot reloads.
const holder = globalThis as { __prisma?: PrismaClient };

export function db(): PrismaClient {
  return (holder.__prisma ??= invalidatingWrites(new PrismaClient({ adapter: sqliteAdapter(databaseUrl()) })));
}
