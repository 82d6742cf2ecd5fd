import "server-only";
import { errors } from "@/lib/core/errors";
import { performMutation, type NodeGuard, type RequestCtx } from "@/lib/access/mutations";
import { joinPath, parentOf, segmentsOf, validatePath } from "@/lib/core/zk/paths";
import { isZkCode, ZkError } from "@/lib/core/zk/errors";
import type { ZkClient } from "@/lib/core/zk/client";
import { auditValue } from "@/lib/access/audit/values";
import { formatStat } from "./format";
import { createInput, decodeData, FLAGS } from "./schema";
import { enforceSizeLimit } from "@/lib/core/zk/request-size";
import { planCreate } from "./plan-ops";

/** Each missing ancestor is created only with the right to create it (it may lie outside the grant of the node). */
async function createParents(client: ZkClient, path: string, touch: NodeGuard): Promise<string[]> {
  const created: string[] = [];
  let current = "/";
  for (const seg of segmentsOf(parentOf(path))) {
    current = joinPath(current, seg);
    if (await client.exists(current)) continue;
    touch([{ path: current, action: "create" }]);
    try {
      await client.create(current, Buffer.alloc(0), FLAGS.persistent);
      created.push(current);
    } catch (e) {
      if (!isZkCode(e, "NODE_EXISTS")) throw e;
    }
  }
  return created;
}

/** The name ZooKeeper gave must be one the actor may create; otherwise the node is removed again. */
async function recheckName(client: ZkClient, created: string, touch: NodeGuard) {
  try {
    touch([{ path: created, action: "create" }]);
  } catch (refusal) {
    await client.delete(created, 0).catch((e) => console.error(`[znodes] could not remove ${created}, created outside the caller's grant:`, e));
    throw refusal;
  }
}

/** Create a znode. The binding always creates with world:anyone:cdrwa (ACLs are edited separately). */
export async function createNode({ ctx, clusterId, path: rawPath, input }: { ctx: RequestCtx; clusterId: string; path: string; input: unknown }) {
  const path = validatePath(rawPath);
  if (path === "/") throw errors.rootExists();
  const q = createInput.parse(input);
  const data = decodeData(q.data, q.encoding);
  // ZooKeeper names a sequential node (path + a counter), a sibling of `path`: the right to create
  // it is the right to create under its parent, and the name it gets is checked again.
  const sequential = q.nodeType.includes("sequential");
  return performMutation({
    ctx, clusterId, operation: "create", path, nodes: [{ path: sequential ? parentOf(path) : path, action: "create" }], reason: q.reason,
    details: { nodeType: q.nodeType, ttlMs: q.ttlMs, createParents: q.createParents },
    plan: async (client, cluster) => {
      enforceSizeLimit(data, cluster, path);
      return planCreate(client, path, data, FLAGS[q.nodeType], { ttlMs: q.ttlMs, createParents: q.createParents, sequential: q.nodeType.includes("sequential") });
    },
    run: async (client, cluster, touch) => {
      enforceSizeLimit(data, cluster, path);
      const parentsCreated = q.createParents ? await createParents(client, path, touch) : [];
      let created: string;
      try {
        created = await client.create(path, data, FLAGS[q.nodeType], q.ttlMs);
      } catch (e) {
        if (e instanceof ZkError && e.code === "NO_NODE") throw errors.noParent(`the parent ${parentOf(path)} does not exist; create it first or tick "create parents"`);
        if (e instanceof ZkError && (e.code === "UNIMPLEMENTED" || e.code === "BAD_ARGUMENTS") && q.nodeType.endsWith("_ttl")) {
          throw errors.ttlUnsupported();
        }
        throw e;
      }
      if (sequential) await recheckName(client, created, touch);
      const { stat } = await client.get(created);
      return { path: created, parentsCreated, stat: formatStat(stat), ephemeral: q.nodeType.startsWith("ephemeral") };
    },
    after: (r) => ({ after: { ...auditValue(data), version: r.stat.version }, details: { createdPath: r.path, parentsCreated: r.parentsCreated, nodeType: q.nodeType } }),
  });
}
