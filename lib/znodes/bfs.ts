import { joinPath } from "@/lib/core/zk/paths";

/**
 * Pipelined breadth-first traversal of anything tree-shaped: up to `concurrency` visits in flight,
 * results yielded in discovery order, so a parent always comes before its children. A visit
 * returns null for a node that vanished meanwhile (it and its subtree are skipped). Entries
 * already visited are dropped, so a long walk keeps only the nodes still ahead of it.
 */
export async function* pipelinedWalk<N, T>(root: N, visit: (node: N) => Promise<{ item: T; next: N[] } | null>, concurrency = 64): AsyncGenerator<T> {
  const queue: (N | undefined)[] = [root];
  const inFlight = new Map<number, Promise<{ item: T; next: N[] } | null>>();
  let started = 0;
  const fill = () => {
    while (started < queue.length && inFlight.size < concurrency) {
      const p = visit(queue[started] as N);
      p.catch(() => {}); // surfaced when awaited in order
      inFlight.set(started++, p);
    }
  };
  for (let i = 0; i < queue.length; i++) {
    fill();
    const result = await inFlight.get(i)!;
    inFlight.delete(i);
    queue[i] = undefined;
    if (!result) continue;
    queue.push(...result.next);
    yield result.item;
  }
}

/** pipelinedWalk over znode paths: `visit` reads a node and lists its children's names. */
export function pipelinedBfs<T>(root: string, visit: (path: string, depth: number) => Promise<{ item: T; children: string[] } | null>, concurrency = 64): AsyncGenerator<T> {
  type At = { path: string; depth: number };
  return pipelinedWalk<At, T>({ path: root, depth: 0 }, async ({ path, depth }) => {
    const r = await visit(path, depth);
    return r && { item: r.item, next: r.children.map((name) => ({ path: joinPath(path, name), depth: depth + 1 })) };
  }, concurrency);
}
