// The one way an in-memory cache learns that what it holds changed: users, grants (group mappings
// are grants to a group), settings, clusters, cluster credentials, API tokens. Every write of those
// rows goes through here (lib/core/db/invalidating.ts raises it for every Prisma write, so no call
// site can forget), and every cache listens here. With several console instances a relay carries
// each invalidation to the others (PostgreSQL LISTEN/NOTIFY), which deliver it with `deliverRemote`.
//
// Inside a database transaction (`afterCommit`) an invalidation is delivered locally at once (so
// nothing keeps serving the old row) and again, locally and to the relay, once the transaction has
// ended: a reader that reloaded in between saw the row as it was before the commit.
import { AsyncLocalStorage } from "node:async_hooks";

export const INVALIDATION_KINDS = ["user", "grant", "setting", "cluster", "credential", "token"] as const;
export type InvalidationKind = (typeof INVALIDATION_KINDS)[number];

/** `id` names the changed row (for credentials: its cluster); null means "any of this kind". */
export type Invalidation = { kind: InvalidationKind; id: string | null };
type Listener = (id: string | null) => void;
type Relay = (change: Invalidation) => void;

type Bus = { listeners: Map<InvalidationKind, Set<Listener>>; relays: Set<Relay>; pending: AsyncLocalStorage<Invalidation[]> };
// On globalThis: Next.js may load this module more than once (route bundles, hot reload), one bus serves them all.
const bus: Bus = ((globalThis as { __zkInvalidationBus?: Bus }).__zkInvalidationBus ??= { listeners: new Map(), relays: new Set(), pending: new AsyncLocalStorage() });

function deliver({ kind, id }: Invalidation): void {
  for (const fn of bus.listeners.get(kind) ?? []) {
    try {
      fn(id);
    } catch (e) {
      console.error(`[invalidation] a listener for ${kind} ${id ?? "*"} failed:`, e);
    }
  }
}

function publish(change: Invalidation): void {
  deliver(change);
  for (const relay of bus.relays) {
    try {
      relay(change);
    } catch (e) {
      console.error(`[invalidation] the relay failed for ${change.kind} ${change.id ?? "*"}:`, e);
    }
  }
}

/** Something of `kind` changed (row `id`, or any when null): every cache drops what it derived from it. */
export function invalidate(kind: InvalidationKind, id: string | null = null): void {
  const pending = bus.pending.getStore();
  if (!pending) return publish({ kind, id });
  deliver({ kind, id });
  pending.push({ kind, id });
}

/** Listen for changes of one kind; returns the unsubscribe. */
export function onInvalidate(kind: InvalidationKind, fn: Listener): () => void {
  let set = bus.listeners.get(kind);
  if (!set) bus.listeners.set(kind, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}

/** Run a database transaction; the invalidations it raises are delivered again once it has ended. */
export async function afterCommit<T>(transaction: () => Promise<T>): Promise<T> {
  if (bus.pending.getStore()) return transaction(); // inside another: that one delivers them
  const pending: Invalidation[] = [];
  try {
    return await bus.pending.run(pending, transaction);
  } finally {
    const seen = new Set<string>();
    for (const change of pending) {
      const key = `${change.kind}\u0000${change.id}`;
      if (!seen.has(key)) publish(change);
      seen.add(key);
    }
  }
}

/** For the multi-instance transport: every local invalidation is also handed to `relay`. Returns the removal. */
export function relayInvalidations(relay: Relay): () => void {
  bus.relays.add(relay);
  return () => bus.relays.delete(relay);
}

/** An invalidation raised by another instance: delivered to this instance's caches only (never relayed back). */
export function deliverRemote(change: Invalidation): void {
  if (INVALIDATION_KINDS.includes(change.kind)) deliver(change);
}
