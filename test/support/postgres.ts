// The suite's PostgreSQL: one server for the whole vitest run, started by the global setup with the
// committed migrations deployed into a template database; each test file that needs PostgreSQL
// takes a fresh copy of it (CREATE DATABASE … TEMPLATE: milliseconds, no migrate per file).
import { execFileSync } from "node:child_process";
import { attachPostgres, startPostgres, type PostgresLocation, type PostgresServer } from "../../scripts/postgres-server";

const ENV = "ZKC_TEST_POSTGRES";
export const TEMPLATE_DATABASE = "zkc_template";

/** For the global setup: the server, with the migrations deployed into the template (once). */
export async function startSuitePostgres(): Promise<PostgresServer> {
  const server = await startPostgres();
  const url = await server.createDatabase(TEMPLATE_DATABASE);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  process.env[ENV] = JSON.stringify(server.location);
  return server;
}

/** The suite's server (its handle can stop and start it: the fault tests do). */
export function suitePostgres(): PostgresServer {
  const location = process.env[ENV];
  if (!location) throw new Error(`${ENV} is not set: the vitest global setup (test/support/global-setup.ts) starts the suite's PostgreSQL`);
  return attachPostgres(JSON.parse(location) as PostgresLocation);
}

let databases = 0;
/** A new database with the migrations applied, named after the test file; its URL. */
export async function freshPostgresDatabase(name: string): Promise<string> {
  const db = `${name.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}_${process.pid}_${++databases}`;
  return suitePostgres().createDatabase(db, TEMPLATE_DATABASE);
}
