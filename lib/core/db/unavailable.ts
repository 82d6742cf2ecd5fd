// The console's own database failing (SQLite: locked by another process, read-only, moved, I/O
// errors; PostgreSQL: down, unreachable, read-only, refusing the login), told apart from bugs so
// that the API can answer 503 with a sentence instead of a 500, and start-up can say why it stops.
import { ConsoleError, errors } from "../errors";
import { databaseKind } from "./url";

/** Prisma's codes for a database it cannot reach, log in to or find, or that timed out (SQLite: locked past the busy timeout). */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1000", "P1001", "P1002", "P1003", "P1008", "P1010", "P1011", "P1017", "P2024"]);

/** What the driver adapter reported under Prisma's error (or as the error itself). */
type Cause = { kind?: string; code?: string; originalCode?: string; originalMessage?: string; message?: string; host?: string; port?: number; db?: string; user?: string; reason?: string };

const causeOf = (e: { name?: string; meta?: unknown; cause?: unknown }): Cause | null =>
  (e.meta as { driverAdapterError?: { cause?: Cause } } | undefined)?.driverAdapterError?.cause ?? (e.name === "DriverAdapterError" ? (e.cause as Cause) : null) ?? null;

// node-postgres reports a lost or timed-out connection as a plain Error (no code) with these sentences.
const PG_CONNECTION_LOST = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly)/;

function sqliteWhy(code: string | null): string {
  if (!code || /BUSY|LOCKED/.test(code)) return "it is locked by another process";
  if (/READONLY|CANTOPEN|PERM/.test(code)) return "it cannot be written (read-only, moved or removed)";
  if (/FULL/.test(code)) return "the disk is full";
  return "the file system reported an error";
}

function postgresWhy(c: Cause): string | null {
  switch (c.kind) {
    case "DatabaseNotReachable": return `PostgreSQL at ${c.host ?? "its host"}${c.port ? `:${c.port}` : ""} cannot be reached`;
    case "ConnectionClosed": return "the connection to PostgreSQL was closed";
    case "SocketTimeout": return "PostgreSQL did not answer in time";
    case "DatabaseDoesNotExist": return `the database "${c.db ?? "?"}" does not exist`;
    case "AuthenticationFailed": return `PostgreSQL refused the password of user "${c.user ?? "?"}"`;
    case "DatabaseAccessDenied": return "PostgreSQL denied access to the database";
    case "TooManyConnections": return "PostgreSQL has no connections left";
    case "TlsConnectionError": return `the TLS connection to PostgreSQL failed (${c.reason})`;
  }
  const code = c.code ?? c.originalCode ?? "";
  if (code === "25006") return "it is read-only (a standby, or default_transaction_read_only is on)";
  if (/^57P0[123]$/.test(code)) return "PostgreSQL is shutting down or starting up";
  if (code.startsWith("08")) return "the connection to PostgreSQL failed";
  if (code === "53100") return "PostgreSQL's disk is full";
  if (code.startsWith("53")) return "PostgreSQL is out of resources";
  if (code.startsWith("58")) return "PostgreSQL reported an I/O error";
  return null;
}

/** Why the database cannot be used, or null when `e` is something else (a bug, a constraint). */
export function unavailableReason(e: unknown): string | null {
  if (!e || typeof e !== "object") return null;
  const err = e as { name?: string; code?: unknown; message?: unknown; meta?: unknown; cause?: unknown };
  const cause = causeOf(err);
  const sqlite = typeof err.code === "string" && err.code.startsWith("SQLITE_") ? err.code : typeof cause?.originalCode === "string" && cause.originalCode.startsWith("SQLITE_") ? cause.originalCode : null;
  if (sqlite) return sqliteWhy(sqlite);
  const postgres = cause && postgresWhy(cause);
  if (postgres) return postgres;
  if (typeof err.message === "string" && !err.code && PG_CONNECTION_LOST.test(err.message)) return "the connection to PostgreSQL was lost or timed out";
  if ((typeof err.code === "string" && UNAVAILABLE_PRISMA_CODES.has(err.code)) || err.name === "PrismaClientInitializationError") return databaseKind() === "sqlite" ? sqliteWhy(null) : "PostgreSQL did not answer in time";
  return err.cause && err.cause !== e ? unavailableReason(err.cause) : null;
}

/** A 503 for a failing console database, or null when `e` is something else. */
export function databaseUnavailable(e: unknown): ConsoleError | null {
  const why = unavailableReason(e);
  return why === null ? null : errors.databaseUnavailable(why);
}
