// An op list (a multi, a promote) as planned ops for review: each op with the base it was planned
// against, read now. Ops on a node an earlier op of the list already wrote are planned against
// that op's outcome (a create then a set, two sets in a row), not read. A version that is already
// stale is the conflict a direct write would get: nothing is submitted. A version of -1 ("any")
// is pinned to the one seen, so what the reviewers approve is never applied over a newer value.
import "server-only";
import { errors } from "@/lib/core/errors";
import type { AclEntry, RawStat, ZkClient } from "@/lib/core/zk/client";
import { isZkCode } from "@/lib/core/zk/errors";
import { aclOf, b64, type PlannedOp } from "./ops";
import { isSequentialCreate, type PrimitiveOp } from "./op-list";

type Seen = { data: Buffer; stat: RawStat; acl?: AclEntry[] } | null;
/** A node as the ops before this one leave it. */
type State = { exists: boolean; version: number; aversion: number };

const READ_CONCURRENCY = 32;
const missing = (e: unknown) => (isZkCode(e, "NO_NODE") ? null : Promise.reject(e));

/** The live state of every node the ops name (its ACL too where an op sets it), read with bounded concurrency. */
async function readNodes(client: ZkClient, ops: PrimitiveOp[]): Promise<Map<string, Seen>> {
  const withAcl = new Set(ops.filter((o) => o.op === "setAcl").map((o) => o.path));
  const paths = [...new Set(ops.filter((o) => !isSequentialCreate(o)).map((o) => o.path))];
  const seen = new Map<string, Seen>();
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, async () => {
    while (next < paths.length) {
      const path = paths[next++];
      const node = await client.get(path).catch(missing);
      const acl = node && withAcl.has(path) ? (await client.getAcl(path).catch(missing))?.acl : undefined;
      seen.set(path, node && { ...node, ...(acl ? { acl } : {}) });
    }
  }));
  return seen;
}

export async function planOpList(client: ZkClient, ops: PrimitiveOp[]): Promise<PlannedOp[]> {
  const seen = await readNodes(client, ops);
  const state = new Map<string, State>();
  // Nodes whose data (or ACL) an earlier op of the list wrote: later ops have no live base there.
  const dataWritten = new Set<string>();
  const aclWritten = new Set<string>();
  const stateOf = (path: string): State => {
    const known = state.get(path);
    if (known) return known;
    const s = seen.get(path);
    return s ? { exists: true, version: s.stat.version, aversion: s.stat.aversion } : { exists: false, version: -1, aversion: -1 };
  };
  const dataBase = (path: string): PlannedOp["base"] => {
    const s = seen.get(path);
    return s && !dataWritten.has(path) ? { data: b64(s.data), version: s.stat.version } : null;
  };
  const aclBase = (path: string): PlannedOp["base"] => {
    const s = seen.get(path);
    return s?.acl && !aclWritten.has(path) ? { acl: aclOf(s.acl), version: s.stat.aversion } : null;
  };
  return ops.map((o): PlannedOp => {
    if (o.op === "create") {
      const planned: PlannedOp = { op: "create", path: o.path, data: b64(o.data ?? Buffer.alloc(0)), flags: o.flags ?? 0, ...(o.ttlMs ? { ttlMs: o.ttlMs } : {}), ...(o.acl ? { acl: aclOf(o.acl) } : {}), base: null };
      if (isSequentialCreate(o)) return planned;
      if (stateOf(o.path).exists) throw errors.targetExists(o.path);
      state.set(o.path, { exists: true, version: 0, aversion: 0 });
      dataWritten.add(o.path);
      aclWritten.add(o.path);
      return planned;
    }
    const now = stateOf(o.path);
    if (!now.exists) throw state.has(o.path) ? errors.noNode(o.path) : errors.deletedMeanwhile(o.path);
    const expected = o.op === "setAcl" ? now.aversion : now.version;
    if (o.version !== -1 && o.version !== expected) {
      const details = { expectedVersion: o.version, currentVersion: expected };
      throw o.op === "setAcl" ? errors.staleAclVersion(o.path, o.version, expected, details) : errors.staleVersion(o.path, o.version, details, expected);
    }
    if (o.op === "setAcl") {
      const base = aclBase(o.path);
      state.set(o.path, { ...now, aversion: now.aversion + 1 });
      aclWritten.add(o.path);
      return { op: "setAcl", path: o.path, acl: aclOf(o.acl), aversion: expected, base };
    }
    const base = dataBase(o.path);
    if (o.op === "check") return { op: "check", path: o.path, version: o.version, base };
    if (o.op === "set") state.set(o.path, { ...now, version: now.version + 1 });
    else state.set(o.path, { exists: false, version: -1, aversion: -1 });
    dataWritten.add(o.path);
    if (o.op === "set") return { op: "set", path: o.path, data: b64(o.data), version: expected, base };
    return { op: "delete", path: o.path, version: expected, base };
  });
}
