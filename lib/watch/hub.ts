// The watch hubs of all clusters, one per cluster, held on globalThis so Next.js hot reload
// keeps the watches (and their ZooKeeper registrations) instead of duplicating them.
import { ClusterHub, type HubOptions } from "./cluster-hub";

const DEFAULTS: HubOptions = { ringSize: 500, lingerMs: 5_000, baselineTimeoutMs: 3_000, retryMinMs: 500, retryMaxMs: 10_000 };

type Registry = { hubs: Map<string, ClusterHub>; options: HubOptions };
const registry: Registry = ((globalThis as { __zkWatchHub?: Registry }).__zkWatchHub ??= { hubs: new Map(), options: { ...DEFAULTS } });

/** The hub of a cluster, created on first use. */
export function hubFor(clusterId: string): ClusterHub {
  let hub = registry.hubs.get(clusterId);
  if (!hub || hub.closed) {
    hub = new ClusterHub(clusterId, registry.options, onIdle, (id, path) => registry.hubs.get(id)?.watchOf(path) !== undefined);
    registry.hubs.set(clusterId, hub);
  }
  return hub;
}

/** A hub with no viewers left is closed after the linger time (a reload re-opens its streams). */
function onIdle(hub: ClusterHub) {
  if (hub.closed) {
    if (registry.hubs.get(hub.clusterId) === hub) registry.hubs.delete(hub.clusterId);
    return;
  }
  setTimeout(() => {
    if (hub.watchedPaths.length === 0 && !hub.hasViewers) hub.close("no viewers left");
  }, registry.options.lingerMs).unref();
}

/** How many (cluster, path) pairs all hubs watch now, lingering ones included. */
export function watchedPathCount(): number {
  let n = 0;
  for (const hub of registry.hubs.values()) n += hub.watchedPaths.length;
  return n;
}

/** Per cluster with a hub: the paths watched (lingering ones included) and the live streams open (for /metrics). */
export function watchStats(): { clusterId: string; watches: number; viewers: number }[] {
  return [...registry.hubs.values()].filter((h) => !h.closed).map((h) => ({ clusterId: h.clusterId, watches: h.watchedPaths.length, viewers: h.viewerCount }));
}

/** The hub of a cluster if one runs (tests, diagnostics). */
export function existingHub(clusterId: string): ClusterHub | undefined {
  return registry.hubs.get(clusterId);
}

/** Tests tune timings (a linger of 0 releases a path as soon as its last viewer leaves). */
export function configureWatchHub(options: Partial<HubOptions>): void {
  Object.assign(registry.options, options);
}

export function resetWatchHubOptions(): void {
  Object.assign(registry.options, DEFAULTS);
}
