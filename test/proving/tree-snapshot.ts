// A fingerprint of a ZooKeeper tree: every znode's data, versions and ACL version, so a test can
// prove that a refused request changed nothing (the /zookeeper system tree is left out).
import { createHash } from "node:crypto";
import type { ZkClient } from "../../lib/core/zk/client";

export type TreeSnapshot = Map<string, string>;

export async function snapshotTree(client: ZkClient, root = "/", skip: (path: string) => boolean = (p) => p === "/zookeeper"): Promise<TreeSnapshot> {
  const out: TreeSnapshot = new Map();
  const queue = [root];
  while (queue.length) {
    const path = queue.shift()!;
    if (skip(path)) continue;
    const [{ data, stat }, { children }] = await Promise.all([client.get(path), client.children(path)]);
    const sha = createHash("sha256").update(data).digest("hex").slice(0, 16);
    out.set(path, `v${stat.version} c${stat.cversion} a${stat.aversion} n${stat.numChildren} ${sha}`);
    for (const child of children) queue.push(path === "/" ? `/${child}` : `${path}/${child}`);
  }
  return out;
}

/** What differs between two snapshots, in words (empty when nothing). */
export function treeDiff(before: TreeSnapshot, after: TreeSnapshot): string[] {
  const diffs: string[] = [];
  for (const [path, fp] of before) {
    const now = after.get(path);
    if (now === undefined) diffs.push(`${path} was removed`);
    else if (now !== fp) diffs.push(`${path} changed: ${fp} → ${now}`);
  }
  for (const path of after.keys()) if (!before.has(path)) diffs.push(`${path} was created`);
  return diffs;
}
