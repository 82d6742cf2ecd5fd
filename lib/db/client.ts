import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl } from "./url";

// One client per process, kept on globalThis across Next.js hot reloads.
const holder = globalThis as { __prisma?: PrismaClient };

export function db(): PrismaClient {
  return (holder.__prisma ??= new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl() }) }));
}
