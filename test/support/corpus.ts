// Test helper: large znode trees built fast (multi batches, a few in flight) and read back whole.
import type { MultiOp, ZkClient } from "../../lib/core/zk/client";

export type PlantedNode = { path: string; data?: Buffer };

/** Create the nodes, parents listed before their children, in multi batches of `batch` (250) with `inFlight` batches at a time. */
export async function plant(client: ZkClient, nodes: Iterable<PlantedNode>, opts: { batch?: number; inFlight?: number } = {}): Promise<number> {
  const size = opts.batch ?? 250; // small multis: a loaded machine must not time one out
  const pending = new Set<Promise<unknown>>();
  let ops: MultiOp[] = [];
  let count = 0;
  let depth = -1;
  const send = async () => {
    const sent = ops;
    ops = [];
    const p = client.multi(sent).finally(() => pending.delete(p));
    pending.add(p);
    if (pending.size >= (opts.inFlight ?? 4)) await Promise.race(pending);
  };
  for (const n of nodes) {
    // A deeper level waits for every batch before it, so parents exist when their children are sent.
    const d = n.path.split("/").length;
    if (d !== depth && (ops.length || pending.size)) {
      if (ops.length) await send();
      await Promise.all(pending);
    }
    depth = d;
    ops.push({ op: "create", path: n.path, data: n.data ?? Buffer.alloc(0), flags: 0 });
    count++;
    if (ops.length >= size) await send();
  }
  if (ops.length) await send();
  await Promise.all(pending);
  return count;
}

/** root, root/b0…b{branches-1}, each with leaves l0…l{leaves-1}: value(branch, leaf) or a small JSON text. */
export function* wideTree(root: string, branches: number, leaves: number, value: (b: number, l: number) => Buffer = (b, l) => Buffer.from(JSON.stringify({ b, l }))): Generator<PlantedNode> {
  yield { path: root, data: Buffer.from("root") };
  for (let b = 0; b < branches; b++) yield { path: `${root}/b${b}`, data: Buffer.from(`branch ${b}`) };
  for (let b = 0; b < branches; b++) for (let l = 0; l < leaves; l++) yield { path: `${root}/b${b}/l${l}`, data: value(b, l) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = { type: string; [field: string]: any };

/** Parse an NDJSON body into its rows. */
export const ndjsonRows = (text: string): Row[] => text.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Row);
