// The SQLite driver adapter, with one repair. Prisma 6.19's better-sqlite3 adapter serialises
// transactions with a lock it releases only when the engine calls commit()/rollback() on the
// transaction; when the COMMIT statement itself fails (an I/O error, a read-only or full disk),
// neither is called, the lock is never released, and every later transaction of the process
// waits forever: one disk hiccup would hang every audited write until a restart. Here a failed
// COMMIT rolls back and releases the lock, so the next transaction works once the disk does.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Query = { sql: string; args: unknown[]; argTypes: unknown[] };
type Transaction = { executeRaw(q: Query): Promise<number>; rollback(): Promise<void> };
type Adapter = { startTransaction(isolationLevel?: unknown): Promise<Transaction> };

function releasingFailedCommits(tx: Transaction): Transaction {
  const executeRaw = tx.executeRaw.bind(tx);
  tx.executeRaw = async (q) => {
    try {
      return await executeRaw(q);
    } catch (e) {
      if (/^\s*COMMIT\b/i.test(q.sql)) {
        // SQLite may still be inside the transaction (a busy or failed commit): end it, then let go.
        await executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => {});
        await tx.rollback();
      }
      throw e;
    }
  };
  return tx;
}

export function sqliteAdapter(url: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as unknown as Adapter;
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => releasingFailedCommits(await startTransaction(isolationLevel));
    return adapter as unknown as Awaited<ReturnType<typeof connect>>;
  };
  return factory;
}
