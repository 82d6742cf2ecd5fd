// Serializing one kind of write across console instances that share a PostgreSQL database.
import { errors } from "../errors";
import type { Prisma } from "./generated/prisma/client";
import { databaseKind } from "./url";

/**
 * Inside a transaction: wait until no other transaction holds the lock named `name`, and hold it
 * until this one ends (PostgreSQL's transaction-level advisory lock, keyed by the name's hash).
 * SQLite needs none: the database file admits one writer at a time.
 */
export async function lockForTransaction(tx: Prisma.TransactionClient, name: string): Promise<void> {
  if (databaseKind() !== "postgresql") return;
  // executeRaw, not queryRaw: the function returns void, a column type the driver adapter cannot read.
  await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1))", `zk-console:${name}`);
}

/** How long work may wait for the same kind of work ahead of it in this process. */
export const QUEUE_WAIT_MS = 30_000;

const tails: Map<string, Promise<unknown>> = ((globalThis as { __dbQueues?: Map<string, Promise<unknown>> }).__dbQueues ??= new Map());

/**
 * On PostgreSQL, run `work` after the earlier work of the same name in this process has settled.
 * Work that takes lockForTransaction would otherwise hold a pooled connection each while it waits
 * for the lock: a burst of audited writes took the whole pool and starved every other query
 * (P2028, "unable to start a transaction in the given time"). This way one connection per process
 * waits, the others stay free. SQLite's adapter already queues its transactions in process.
 */
export async function oneAtATimeInProcess<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (databaseKind() !== "postgresql") return work();
  const ahead = tails.get(name) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const tail = ahead.then(() => mine);
  tails.set(name, tail);
  let timer: NodeJS.Timeout | undefined;
  try {
    const waited = await Promise.race([
      ahead.then(() => true, () => true),
      new Promise<false>((r) => (timer = setTimeout(() => r(false), QUEUE_WAIT_MS))),
    ]);
    if (!waited) throw errors.databaseUnavailable(`earlier writes have waited more than ${QUEUE_WAIT_MS / 1000} s for PostgreSQL`);
    return await work();
  } finally {
    clearTimeout(timer);
    release();
    if (tails.get(name) === tail) tails.delete(name);
  }
}
