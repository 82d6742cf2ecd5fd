// The console's own database failing (locked by another process, read-only, moved, I/O errors),
// told apart from bugs so that the API can answer 503 with a sentence instead of a 500.
import { ConsoleError, errors } from "../errors";

/** Prisma's codes for a database it cannot reach or that timed out (SQLite: locked past the busy timeout). */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

const sqliteCodeOf = (e: { code?: unknown; meta?: unknown }): string | null => {
  if (typeof e.code === "string" && e.code.startsWith("SQLITE_")) return e.code;
  const cause = (e.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined)?.driverAdapterError?.cause?.originalCode;
  return typeof cause === "string" ? cause : null;
};

function why(sqlite: string | null): string {
  if (!sqlite || /BUSY|LOCKED/.test(sqlite)) return "it is locked by another process";
  if (/READONLY|CANTOPEN|PERM/.test(sqlite)) return "it cannot be written (read-only, moved or removed)";
  if (/FULL/.test(sqlite)) return "the disk is full";
  return "the file system reported an error";
}

/** A 503 for a failing console database, or null when `e` is something else. */
export function databaseUnavailable(e: unknown): ConsoleError | null {
  if (!e || typeof e !== "object") return null;
  const err = e as { name?: string; code?: unknown; meta?: unknown };
  const sqlite = sqliteCodeOf(err);
  const known = sqlite !== null || (typeof err.code === "string" && UNAVAILABLE_PRISMA_CODES.has(err.code)) || err.name === "PrismaClientInitializationError";
  if (!known) return null;
  return errors.databaseUnavailable(why(sqlite));
}
