// A bounded in-memory cache of values loaded from the database, for the hot path (actors, clusters
// and their credentials, API tokens). Concurrent misses of one key share one load. A load that
// was running while its key was invalidated is handed to its callers but never stored: it may
// have read the row just before the change.
import { onInvalidate, type InvalidationKind } from "./invalidation";

export class KeyedCache<K, V> {
  private readonly values = new Map<K, V>();
  private readonly loading = new Map<K, Promise<V>>();
  /** Bumped by every invalidation; a load stores its value only when no invalidation ran meanwhile. */
  private generation = 0;

  constructor(private readonly maxEntries: number) {}

  get(key: K, load: (key: K) => Promise<V>): Promise<V> {
    if (this.values.has(key)) return Promise.resolve(this.values.get(key) as V);
    const running = this.loading.get(key);
    if (running) return running;
    const generation = this.generation;
    const loaded = load(key).then(
      (value) => {
        if (this.loading.get(key) === loaded) this.loading.delete(key);
        if (generation === this.generation) this.store(key, value);
        return value;
      },
      (e) => {
        if (this.loading.get(key) === loaded) this.loading.delete(key);
        throw e;
      },
    );
    this.loading.set(key, loaded);
    return loaded;
  }

  /** The cached value without loading (undefined when absent). */
  peek(key: K): V | undefined {
    return this.values.get(key);
  }

  delete(key: K): void {
    this.generation++;
    this.values.delete(key);
    this.loading.delete(key);
  }

  clear(): void {
    this.generation++;
    this.values.clear();
    this.loading.clear();
  }

  get size(): number {
    return this.values.size;
  }

  /** Drop `key` (or everything, for an invalidation of any row of that kind) on each of these kinds. */
  dropOn(kinds: InvalidationKind[], keyOf: (id: string) => K | null = (id) => id as K): this {
    for (const kind of kinds) {
      onInvalidate(kind, (id) => {
        const key = id === null ? null : keyOf(id);
        if (key === null) this.clear();
        else this.delete(key);
      });
    }
    return this;
  }

  private store(key: K, value: V): void {
    this.values.delete(key);
    this.values.set(key, value);
    // Oldest first: Map keeps insertion order.
    while (this.values.size > this.maxEntries) this.values.delete(this.values.keys().next().value as K);
  }
}
