import "server-only";
import { z } from "zod";
import { errors } from "@/lib/core/errors";
import { b64, nodeGuard, performMutation, runOps, touchedNodes, type PlannedOp, type PrimitiveOp, type RequestCtx } from "@/lib/access/mutations";
import { identitiesOf } from "@/lib/access/session-identities";
import { isZookeeperTree, validatePath } from "@/lib/core/zk/paths";
import { isZkCode } from "@/lib/core/zk/errors";
import type { AclEntry, ZkClient } from "@/lib/core/zk/client";
import { decodeValue, exportFile, importFileIssue, type ExportedNode, type ExportFile } from "./export-format";
import { absolute } from "./transfer-ops";
import { reason } from "./schema";
import { maxValueBytes } from "@/lib/core/zk/request-size";

export const importQuery = z.object({
  path: z.string(),
  dryRun: z.enum(["true", "false"]).default("true"),
  onExisting: z.enum(["skip", "overwrite"]).default("skip"),
  acl: z.enum(["true", "false"]).default("false"),
  reason,
});

type Planned = { path: string; node: ExportedNode; version?: number };
export type ImportPlan = { creates: Planned[]; updates: Planned[]; unchanged: Planned[]; conflicts: (Planned & { why: string })[]; protected: Planned[] };

const PROTECTED_WHY = "belongs to ZooKeeper itself (quotas and config); an import never writes there";

export function parseImportFile(body: unknown): ExportFile {
  const parsed = exportFile.safeParse(body);
  if (!parsed.success) throw errors.badImportFile(importFileIssue(parsed.error.issues[0]));
  const bad = errors.badImportFile;
  const paths = new Set<string>();
  for (const n of parsed.data.nodes) {
    if (n.path !== "" && (n.path.startsWith("/") || n.path.split("/").some((s) => s === "" || s === "." || s === ".."))) {
      throw errors.badImportPath(n.path);
    }
    if (paths.has(n.path)) throw bad(`it lists ${JSON.stringify(n.path)} twice`);
    if (n.encoding === "base64" && (n.data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(n.data))) throw bad(`the data of ${JSON.stringify(n.path)} is not valid base64`);
    paths.add(n.path);
  }
  // Checked up front so a broken tree is refused before the first write, not halfway through it.
  if (parsed.data.nodes.length > 0 && !paths.has("")) throw bad("it has no entry for its root (path \"\")");
  for (const p of paths) {
    const parent = p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "";
    if (p !== "" && !paths.has(parent)) throw bad(`${JSON.stringify(p)} is listed without its parent ${JSON.stringify(parent)}`);
  }
  return parsed.data;
}

/** Every value must fit the cluster's per-znode limit before anything is written. */
function enforceImportSizes(file: ExportFile, cluster: { name: string; maxDataBytes: number }, root: string) {
  for (const n of file.nodes) {
    const size = decodeValue(n).length;
    const max = maxValueBytes(cluster, absolute(root, n.path));
    if (size > max) {
      throw errors.importValueTooLarge(n.path, size, cluster.name, max);
    }
  }
}

/** Compare the file with what is under `root` now; reads only. */
export async function planImport(client: ZkClient, root: string, file: ExportFile, onExisting: "skip" | "overwrite"): Promise<ImportPlan> {
  const plan: ImportPlan = { creates: [], updates: [], unchanged: [], conflicts: [], protected: [] };
  let i = 0;
  await Promise.all(Array.from({ length: 64 }, async () => {
    while (i < file.nodes.length) {
      const node = file.nodes[i++];
      const path = validatePath(absolute(root, node.path));
      if (isZookeeperTree(path)) {
        plan.protected.push({ path, node });
        continue;
      }
      let current: { data: Buffer; stat: { version: number; ephemeralOwner: string } } | null = null;
      try {
        current = await client.get(path);
      } catch (e) {
        if (!isZkCode(e, "NO_NODE")) throw e;
      }
      if (!current) plan.creates.push({ path, node });
      else if (current.data.equals(decodeValue(node))) plan.unchanged.push({ path, node, version: current.stat.version });
      else if (!/^0*$/.test(String(current.stat.ephemeralOwner))) plan.conflicts.push({ path, node, version: current.stat.version, why: "an ephemeral znode is there" });
      else if (onExisting === "overwrite") plan.updates.push({ path, node, version: current.stat.version });
      else plan.conflicts.push({ path, node, version: current.stat.version, why: "exists with different data (import with onExisting=overwrite to replace it)" });
    }
  }));
  for (const list of Object.values(plan)) list.sort((a: Planned, b: Planned) => a.path.localeCompare(b.path));
  return plan;
}

const summary = (plan: ImportPlan, sample = 200) => ({
  counts: { creates: plan.creates.length, updates: plan.updates.length, unchanged: plan.unchanged.length, conflicts: plan.conflicts.length, protected: plan.protected.length },
  creates: plan.creates.slice(0, sample).map((p) => p.path),
  updates: plan.updates.slice(0, sample).map((p) => p.path),
  unchanged: plan.unchanged.slice(0, sample).map((p) => p.path),
  conflicts: plan.conflicts.slice(0, sample).map((p) => ({ path: p.path, why: p.why })),
  protected: plan.protected.slice(0, sample).map((p) => ({ path: p.path, why: PROTECTED_WHY })),
});

const aclOf = (n: ExportedNode): AclEntry[] | undefined => n.acl?.map((a) => ({ scheme: a.scheme, auth: a.id, perms: a.perms }));

/**
 * The import as primitive ops: creates parents before children, then the updates at the versions
 * seen while planning. Every node they touch is checked whole (permission, protected paths, each
 * ACL by the ACL editor's rules and lockout guard) before the first write.
 */
function importOps(plan: ImportPlan, withAcl: boolean): PrimitiveOp[] {
  const depth = (p: string) => p.split("/").length;
  return [
    ...[...plan.creates].sort((a, b) => depth(a.path) - depth(b.path)).map((c): PrimitiveOp => {
      const acl = withAcl ? aclOf(c.node) : undefined;
      return { op: "create", path: c.path, data: decodeValue(c.node), ...(acl ? { acl } : {}) };
    }),
    ...plan.updates.map((u): PrimitiveOp => ({ op: "set", path: u.path, data: decodeValue(u.node), version: u.version! })),
  ];
}

/** Import an export file under `path`: a dry run reports the plan; a real run writes it, version-checked. */
export async function importSubtree({ ctx, clusterId, query, body, onProgress = () => {}, batchOps }: { ctx: RequestCtx; clusterId: string; query: unknown; body: unknown; onProgress?: (done: number, total: number) => unknown; batchOps?: number }) {
  const q = importQuery.parse(query);
  const root = validatePath(q.path);
  const file = parseImportFile(body);
  const withAcl = q.acl === "true";
  if (q.dryRun === "true") {
    const { client, cluster, target } = await ctx.clusterSession(clusterId, root);
    enforceImportSizes(file, cluster, root);
    const plan = await planImport(client, root, file, q.onExisting);
    // The checks the real run makes before its first write: a dry run that passes is one that applies.
    nodeGuard({ actor: ctx.actor, cluster, identities: identitiesOf(target), override: false })(touchedNodes(importOps(plan, withAcl)));
    return { dryRun: true as const, root, ...summary(plan) };
  }
  return performMutation({
    ctx, clusterId, operation: "import", path: root, nodes: [{ path: root, action: "create" }], reason: q.reason,
    details: { sourceRoot: file.root, sourceCluster: file.cluster, nodes: file.nodes.length, onExisting: q.onExisting, acl: withAcl },
    plan: async (client, cluster) => {
      enforceImportSizes(file, cluster, root);
      const plan = await planImport(client, root, file, q.onExisting);
      // The same ops a real run applies, stored for review: creates on nothing, updates at the version planned.
      return importOps(plan, withAcl).map((o): PlannedOp => {
        if (o.op === "create") return { op: "create", path: o.path, data: b64(o.data ?? Buffer.alloc(0)), flags: 0, acl: o.acl, base: null };
        if (o.op === "set") return { op: "set", path: o.path, data: b64(o.data), version: o.version, base: { version: o.version } };
        throw new Error(`an import plans creates and sets only, not ${o.op}`);
      });
    },
    run: async (client, cluster, touch) => {
      enforceImportSizes(file, cluster, root);
      const plan = await planImport(client, root, file, q.onExisting);
      const applied = await runOps(client, cluster, importOps(plan, withAcl), { ctx, touch }, { maxBatchOps: batchOps, onProgress: (p) => onProgress(p.done, p.total) });
      return { dryRun: false as const, root, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged.length, batches: applied.batches, conflicts: plan.conflicts.map((c) => ({ path: c.path, why: c.why })).slice(0, 200), conflictCount: plan.conflicts.length, protected: summary(plan).protected };
    },
    after: (r) => ({ details: { created: r.created, updated: r.updated, unchanged: r.unchanged, conflicts: r.conflictCount, protected: r.protected.length, batches: r.batches } }),
  });
}
