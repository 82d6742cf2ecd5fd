// POST …/multi: a list of create/set/delete/check operations applied all or nothing, each
// authorized for its node, audited as one record listing every op.
import "server-only";
import { z } from "zod";
import { applyOps, type PrimitiveOp, type RequestCtx } from "@/lib/access/mutations";
import { errors } from "@/lib/core/errors";
import { formatStat } from "./format";
import { decodeData, FLAGS, multiInput, type MultiOpInput } from "./schema";

/** Wire ops (data as text or base64) → the engine's primitive ops. */
export function toPrimitiveOps(ops: MultiOpInput[]): PrimitiveOp[] {
  return ops.map((o, i): PrimitiveOp => {
    try {
      if (o.op === "create") {
        const isTtl = o.nodeType.endsWith("_ttl");
        if (isTtl !== (o.ttlMs !== undefined)) throw errors.badRequest(isTtl ? "a TTL node needs ttlMs" : "ttlMs is only for persistent_ttl and persistent_sequential_ttl nodes");
        return { op: "create", path: o.path, data: decodeData(o.data, o.encoding), flags: FLAGS[o.nodeType], ttlMs: o.ttlMs };
      }
      if (o.op === "set") return { op: "set", path: o.path, data: decodeData(o.data, o.encoding), version: o.version };
      return o;
    } catch (e) {
      if (e instanceof z.ZodError) throw errors.badRequest(`ops[${i}].data: ${e.issues[0].message}`);
      throw Object.assign(e as Error, { message: `ops[${i}]: ${(e as Error).message}` });
    }
  });
}

export async function applyMulti({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }) {
  const q = multiInput.parse(input);
  const r = await applyOps({ ctx, clusterId, operation: "multi", ops: toPrimitiveOps(q.ops), reason: q.reason, atomic: true });
  return {
    applied: r.applied,
    results: r.results.map((x) => ({ op: x.op, path: x.path, ...(x.createdPath !== undefined ? { createdPath: x.createdPath } : {}), ...(x.stat ? { stat: formatStat(x.stat) } : {}) })),
  };
}
