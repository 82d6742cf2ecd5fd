import { joinPath } from "@/lib/core/zk/paths";

/**
 * Pipelined breadth-first traversal: up to `concurrency` visits in flight, results
 * yielded in discovery order, so a parent always comes before its children. A visit
 * returns null for a node that vanished meanwhile (it and its subtree are skipped).
 */
export async function* pipelinedBfs<T>(root: string, visit: (path: string, depth: number) => Promise<{ item: T; children: string[] } | null>, concurrency = 64): AsyncGenerator<T> {
  const queue: { path: string; depth: number }[] = [{ path: root, depth: 0 }];
  const inFlight = new Map<number, Promise<{ item: T; children: string[] } | null>>();
  let started = 0;
  const fill = () => {
    while (started < queue.length && inFlight.size < concurrency) {
      const { path, depth } = queue[started];
      const p = visit(path, depth);
      p.catch(() => {}); // surfaced when awaited in order
      inFlight.set(started++, p);
    }
  };
  for (let i = 0; i < queue.length; i++) {
    fill();
    const result = await inFlight.get(i)!;
    inFlight.delete(i);
    if (!result) continue;
    const { path, depth } = queue[i];
    for (const name of result.children) queue.push({ path: joinPath(path, name), depth: depth + 1 });
    yield result.item;
  }
}
