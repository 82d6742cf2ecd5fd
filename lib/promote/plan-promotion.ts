// The plan of a promotion: the diff of left and right turned into version-checked writes on the
// right (creates parents first, updates, deletes deepest first), with the values read from the left.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import type { PrimitiveOp } from "@/lib/access/mutations";
import { isZookeeperTree } from "@/lib/core/zk/paths";
import { pairsOf } from "@/lib/diff";
import { compareNodes } from "@/lib/diff/compare-nodes";
import type { NodePair } from "@/lib/diff/walk-pair";
import type { PromoteOp, PromoteInput, PromotePlan } from "./schema";

const MAX_PLANNED_NODES = 200_000;

const absolute = (root: string, rel: string) => (rel === "/" ? root : root === "/" ? rel : root + rel);
const within = (paths: string[] | undefined, rel: string) => !paths || paths.some((p) => p === "/" || rel === p || rel.startsWith(p + "/"));
const isEphemeral = (n: NodePair["left"]) => !!n && !/^0*$/.test(String(n.stat.ephemeralOwner ?? "0"));

export type Plan = PromotePlan & { writes: PrimitiveOp[] };

export async function planPromotion(ctx: RequestCtx, input: PromoteInput): Promise<Plan> {
  const pairs = await pairsOf(ctx, { left: input.left, right: input.right, withAcl: input.withAcl });
  const ahead: { planned: PromoteOp; write: PrimitiveOp }[] = [];
  const deletes: { planned: PromoteOp; write: PrimitiveOp }[] = [];
  const skipped: { path: string; why: string }[] = [];
  let compared = 0;
  let truncated = false;
  for await (const pair of pairs) {
    if (++compared > MAX_PLANNED_NODES) {
      truncated = true;
      break;
    }
    if (!within(input.paths, pair.path)) continue;
    const row = compareNodes(pair);
    if (!row) continue;
    const path = absolute(input.right.path, pair.path);
    if (isZookeeperTree(path)) {
      skipped.push({ path, why: "ZooKeeper's own tree is never written by a bulk operation" });
      continue;
    }
    const { left, right } = pair;
    if (isEphemeral(left) || isEphemeral(right)) {
      skipped.push({ path, why: "an ephemeral node belongs to its client's session" });
      continue;
    }
    if (row.type === "added") {
      ahead.push({ planned: { op: "create", path, leftVersion: left!.stat.version }, write: { op: "create", path, data: left!.data, ...(input.withAcl ? { acl: left!.acl } : {}) } });
    } else if (row.type === "removed") {
      if (input.deleteExtra) deletes.push({ planned: { op: "delete", path, version: right!.stat.version }, write: { op: "delete", path, version: right!.stat.version } });
    } else {
      if (row.data) ahead.push({ planned: { op: "set", path, version: right!.stat.version, leftVersion: left!.stat.version }, write: { op: "set", path, data: left!.data, version: right!.stat.version } });
      if (row.acl && input.withAcl) ahead.push({ planned: { op: "setAcl", path, version: right!.stat.aversion }, write: { op: "setAcl", path, acl: left!.acl!, version: right!.stat.aversion } });
    }
  }
  await pairs.return(undefined);
  const all = [...ahead, ...deletes.reverse()];
  return {
    creates: all.filter((o) => o.planned.op === "create").length,
    updates: all.filter((o) => o.planned.op === "set" || o.planned.op === "setAcl").length,
    deletes: deletes.length,
    skipped, truncated,
    ops: all.map((o) => o.planned),
    writes: all.map((o) => o.write),
  };
}
