// Checked once at start-up, before anything else touches the database: a console whose database
// cannot be used stops with one sentence naming the database, its host and the reason (not a
// stack, and not a server that answers 503 to everything).
import pg from "pg";
import { POSTGRES_CONNECT_TIMEOUT_MS } from "./client";
import { postgresPoolConfig } from "./postgres-adapter";
import { databaseKind, databaseUrlProblem } from "./url";
import { unavailableReason } from "./unavailable";

/** Which database a URL names, for operators: never the password. */
export function describeDatabase(url: string): string {
  if (databaseKind(url) === "sqlite") return `SQLite database ${url.replace(/^file:/, "")}`;
  try {
    const u = new URL(url);
    const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "(default)";
    return `PostgreSQL database "${database}" on ${u.hostname}:${u.port || 5432} as user "${decodeURIComponent(u.username) || "(default)"}"`;
  } catch {
    return "PostgreSQL database (DATABASE_URL is not a valid URL)";
  }
}

type PgError = { code?: string; message?: string; hostname?: string };

/** node-postgres' own error, which says more than Prisma's (refused, unknown host, no route, timeout). */
function connectWhy(e: PgError, host: string, port: number): string {
  switch (e.code) {
    case "ECONNREFUSED": return `nothing accepts connections on ${host}:${port} (connection refused: is PostgreSQL running there, on that port?)`;
    case "ENOTFOUND":
    case "EAI_AGAIN": return `the host name "${host}" does not resolve`;
    case "EHOSTUNREACH":
    case "ENETUNREACH": return `there is no route to ${host}`;
    case "ETIMEDOUT": return `${host}:${port} did not answer within ${POSTGRES_CONNECT_TIMEOUT_MS / 1000} s`;
    case "28P01": return "PostgreSQL refused the password of that user";
    case "28000": return `PostgreSQL does not let that user connect from here (pg_hba.conf): ${e.message}`;
    case "3D000": return "that database does not exist";
  }
  if (/^Connection terminated unexpectedly/.test(e.message ?? "")) return `${host}:${port} closed the connection before answering (is a PostgreSQL server listening there?)`;
  if (/timeout/i.test(e.message ?? "")) return `${host}:${port} did not answer within ${POSTGRES_CONNECT_TIMEOUT_MS / 1000} s`;
  return String(e.message ?? e).trim().split("\n").pop() ?? "unknown error";
}

/** Null when one connection to the PostgreSQL database of `url` can be made, else why not. */
async function postgresConnectProblem(url: string): Promise<string | null> {
  let config: pg.PoolConfig;
  try {
    config = postgresPoolConfig(url, { connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS });
  } catch (e) {
    return `DATABASE_URL is not a valid PostgreSQL URL (${(e as Error).message})`;
  }
  const { Client: _client, ...settings } = config;
  const client = new pg.Client(settings as pg.ClientConfig);
  client.on("error", () => {}); // a connection lost after connect() answered: nothing to report here
  try {
    await client.connect();
    return null;
  } catch (e) {
    return connectWhy(e as PgError, String(settings.host ?? "localhost"), Number(settings.port ?? 5432));
  } finally {
    await client.end().catch(() => {});
  }
}

type Probe = () => Promise<unknown>;

/** Null when `probe` (a read of a console table) works; otherwise the sentence to stop with. */
export async function databaseProblem(url: string, probe: Probe): Promise<string | null> {
  const badUrl = databaseUrlProblem(url);
  if (badUrl) return badUrl;
  const cannot = (why: string) => `cannot use the ${describeDatabase(url)}: ${why}. Set DATABASE_URL to a database the console can reach.`;
  if (databaseKind(url) === "postgresql") {
    const why = await postgresConnectProblem(url);
    if (why) return cannot(why);
  }
  try {
    await probe();
    return null;
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === "P2021") return `the ${describeDatabase(url)} has none of the console's tables: apply the migrations (\`npx prisma migrate deploy\` with the same DATABASE_URL; \`npm start\` does it).`;
    return cannot(unavailableReason(e) ?? String(err.message ?? e).trim().split("\n").pop() ?? "unknown error");
  }
}
