// Force-release a lock (or latch) by deleting the participant's znode: an audited,
// version-checked admin action with a reason. The owning client, if still alive, loses
// its lock without being told: the UI says so before asking.
import "server-only";
import { auditValue } from "@/lib/access/audit/values";
import { errors } from "@/lib/core/errors";
import { performMutation, type RequestCtx } from "@/lib/access/mutations";
import { conflict } from "../znodes/set-data";
import { planDelete } from "../znodes/plan-ops";
import { ZkError } from "@/lib/core/zk/errors";
import { validatePath } from "@/lib/core/zk/paths";
import { isRecipeNode } from "./classify";
import { forceReleaseInput } from "./schema";

export async function forceRelease({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }) {
  const q = forceReleaseInput.parse(input);
  const path = validatePath(q.path);
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (!isRecipeNode(name)) throw errors.badRequest(`${path} is not a lock or latch participant (e.g. _c_<uuid>-lock-0000000001, lock-0000000001); only those can be force-released`);
  return performMutation({
    ctx, clusterId, operation: "force_release", path, nodes: [{ path, action: "delete", needs: "admin" }], reason: q.reason,
    details: { recipe: "lock", expectedVersion: q.version },
    before: async (client) => {
      const current = await client.get(path);
      return { ...auditValue(current.data), version: current.stat.version };
    },
    plan: (client) => planDelete(client, path, q.version),
    run: async (client) => {
      try {
        await client.delete(path, q.version);
      } catch (e) {
        if (e instanceof ZkError && e.code === "BAD_VERSION") throw await conflict(client, path, q.version);
        throw e;
      }
      return { released: path };
    },
  });
}
