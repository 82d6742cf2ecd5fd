// The SQLite driver adapter, with three repairs.
// - better-sqlite3 is synchronous: while another process holds the database's lock, SQLite's busy
//   handler sleeps inside the call, and the whole server (every request, every stream) stood still
//   for the 5 s default busy timeout, again for each queued write. The busy timeout is now short;
//   audited writes try again after asynchronous pauses (lib/access/audit/chain.ts), the event loop free.
// Prisma 6.19's better-sqlite3 adapter serialises transactions with an in-process lock:
// - it releases that lock only when the engine calls commit()/rollback(); when the COMMIT
//   statement itself fails (an I/O error, a read-only or full disk) neither is called, and every
//   later transaction of the process waits forever: one disk hiccup hung every audited write
//   until a restart. A failed COMMIT now rolls back and releases the lock. So does a failed
//   ROLLBACK: after an I/O error SQLite may already have ended the transaction itself ("cannot
//   rollback - no transaction is active"), and the engine then never released the lock either.
// - waiting for that lock has no limit (the engine's maxWait does not reach it): while another
//   process locks the file, every queued transaction first waits out the busy timeout of each one
//   ahead of it. A transaction that cannot start within MAX_WAIT_MS now fails like a busy database.
// - a write to a database file that cannot be written (read-only, immutable, moved away) failed
//   half-way: SQLite had written its rollback journal but neither the change nor the rollback,
//   and the journal left behind ("hot") made every later read, of every connection, fail until
//   the file was writable again. A write statement is now refused (SQLITE_READONLY, the 503 it
//   would have become) when the file is not writable before it starts, so nothing is half-written
//   and reads go on.
import fs from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

/** How long one statement may block the event loop waiting for another process's lock. */
export const BUSY_TIMEOUT_MS = 100;

/** How long a transaction may wait for the ones ahead of it. */
export const MAX_WAIT_MS = 5_000;

type Query = { sql: string; args: unknown[]; argTypes: unknown[] };
type Queryable = { executeRaw(q: Query): Promise<number>; queryRaw(q: Query): Promise<unknown> };
type Transaction = Queryable & { rollback(): Promise<void> };
type Adapter = Queryable & { startTransaction(isolationLevel?: unknown): Promise<Transaction> };

const WRITE_SQL = /^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b/i;

/** The database file as SQLite's own refusal would name it: read-only (or immutable), or gone. */
async function unwritable(file: string): Promise<Error | null> {
  try {
    await fs.promises.access(file, fs.constants.W_OK);
    return null;
  } catch (e) {
    const gone = (e as NodeJS.ErrnoException).code === "ENOENT";
    return Object.assign(new Error(gone ? `the database file ${file} was moved or removed` : `attempt to write a readonly database (${file} is not writable)`), { code: gone ? "SQLITE_READONLY_DBMOVED" : "SQLITE_READONLY" });
  }
}

/** Write statements of `q` (adapter or transaction) first check that the file can take them. */
function checkingWrites<T extends Queryable>(q: T, file: string): T {
  for (const method of ["executeRaw", "queryRaw"] as const) {
    const run = q[method].bind(q) as (query: Query) => Promise<unknown>;
    (q as Queryable)[method] = (async (query: Query) => {
      if (WRITE_SQL.test(query.sql)) {
        const refused = await unwritable(file);
        if (refused) throw refused;
      }
      return run(query);
    }) as never;
  }
  return q;
}

const ROLLBACK: Query = { sql: "ROLLBACK", args: [], argTypes: [] };

function releasingFailedCommits(tx: Transaction): Transaction {
  const executeRaw = tx.executeRaw.bind(tx);
  tx.executeRaw = async (q) => {
    try {
      return await executeRaw(q);
    } catch (e) {
      if (/^\s*COMMIT\b/i.test(q.sql)) {
        // SQLite may still be inside the transaction (a busy or failed commit): end it, then let go.
        await executeRaw(ROLLBACK).catch(() => {});
        await tx.rollback();
      } else if (/^\s*ROLLBACK\b/i.test(q.sql)) {
        await tx.rollback();
      }
      throw e;
    }
  };
  return tx;
}

/** Shaped like the adapter's own errors, so Prisma reports it as P1008 (SQLITE_BUSY) like a busy database. */
const waitedTooLong = () =>
  Object.assign(new Error(`waited more than ${MAX_WAIT_MS} ms for the database's transaction lock`), {
    name: "DriverAdapterError",
    cause: { kind: "SocketTimeout", originalCode: "SQLITE_BUSY", originalMessage: `waited more than ${MAX_WAIT_MS} ms for the transaction lock` },
  });

function boundedStart(start: Adapter["startTransaction"], file: string | null): Adapter["startTransaction"] {
  return (isolationLevel) => {
    let gaveUp = false;
    let timer: NodeJS.Timeout | undefined;
    const started = start(isolationLevel).then(releasingFailedCommits).then((tx) => (file ? checkingWrites(tx, file) : tx));
    // Started after we gave up: nobody will use it, so end it and free the lock at once.
    started.then(async (tx) => {
      if (!gaveUp) return;
      await tx.executeRaw(ROLLBACK).catch(() => {});
      await tx.rollback();
    }, () => {});
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        gaveUp = true;
        reject(waitedTooLong());
      }, MAX_WAIT_MS);
    });
    return Promise.race([started, limit]).finally(() => clearTimeout(timer));
  };
}

type ShadowAdapter = { executeRaw(q: Query): Promise<number>; executeScript(sql: string): Promise<void> };

/**
 * For the migration tools: `migrate diff --from-migrations` replays each migration into a shadow
 * database with executeRaw, which better-sqlite3 refuses for more than one statement ("External
 * error id#0"); a whole script without parameters goes through executeScript instead.
 */
export function withScriptShadow(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connectShadow = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = (await connectShadow()) as unknown as ShadowAdapter;
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (q) => (q.args.length === 0 ? (await shadow.executeScript(q.sql), 0) : executeRaw(q));
    return shadow as unknown as Awaited<ReturnType<typeof connectShadow>>;
  };
  return factory;
}

export function sqliteAdapter(url: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as unknown as Adapter;
    const file = sqliteFile(url);
    adapter.startTransaction = boundedStart(adapter.startTransaction.bind(adapter), file);
    if (file) checkingWrites(adapter, file);
    return adapter as unknown as Awaited<ReturnType<typeof connect>>;
  };
  return factory;
}

/** The database file of a SQLite URL, or null for an in-memory database. */
function sqliteFile(url: string): string | null {
  const file = url.replace(/^file:/, ""); // as the adapter opens it
  return file && file !== ":memory:" ? file : null;
}
