// Checked once at start-up, before anything else touches the database: a console whose database
// cannot be used stops with one sentence naming the database and the reason (not a stack, and not
// a server that answers 503 to everything).
import { databaseKind } from "./url";
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

type Probe = () => Promise<unknown>;

/** Null when `probe` (a read of a console table) works; otherwise the sentence to stop with. */
export async function databaseProblem(url: string, probe: Probe): Promise<string | null> {
  try {
    await probe();
    return null;
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const why = err.code === "P2021"
      ? "its tables are missing: apply the migrations (`npx prisma migrate deploy` with the same DATABASE_URL; `npm start` does it)"
      : unavailableReason(e) ?? String(err.message ?? e).trim().split("\n").pop();
    return `cannot use the ${describeDatabase(url)}: ${why}. Set DATABASE_URL to a database the console can reach.`;
  }
}
