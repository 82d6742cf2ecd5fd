import "server-only";
import { errors } from "@/lib/core/errors";
import { performMutation, type RequestCtx } from "@/lib/access/mutations";
import { validatePath } from "@/lib/core/zk/paths";
import { ZkError } from "@/lib/core/zk/errors";
import { auditValue } from "@/lib/access/audit/values";
import { deleteQuery } from "./schema";
import { conflict } from "./set-data";
import { deleteRecursive } from "./delete-recursive";
import { planDelete } from "./plan-ops";

/** Delete one znode at the version the operator saw, or a subtree when recursive=true. */
export async function deleteNode({ ctx, clusterId, path: rawPath, input }: { ctx: RequestCtx; clusterId: string; path: string; input: unknown }) {
  const path = validatePath(rawPath);
  const q = deleteQuery.parse(input);
  if (q.recursive === "true") return deleteRecursive({ ctx, clusterId, path, confirm: q.confirm, reason: q.reason });
  if (q.version === undefined) throw errors.versionRequired();
  const version = q.version;
  let czxid: number | null = null;
  return performMutation({
    ctx, clusterId, operation: "delete", path, nodes: [{ path, action: "delete" }], reason: q.reason,
    before: async (client) => {
      const current = await client.get(path);
      czxid = current.stat.czxid;
      return { ...auditValue(current.data), version: current.stat.version };
    },
    plan: (client) => planDelete(client, path, version),
    run: async (client) => {
      try {
        await client.delete(path, version);
      } catch (e) {
        if (e instanceof ZkError && e.code === "BAD_VERSION") throw await conflict(client, path, version);
        throw e;
      }
      return { deleted: [path] };
    },
    // The answer was lost: the same node still at the version seen was not deleted. A missing node
    // cannot tell whose delete it was, so that stays unknown.
    readBack: async (client) => {
      await client.sync(path);
      const now = await client.exists(path);
      return now && now.czxid === czxid && now.version === version ? { applied: false } : null;
    },
  });
}
