import "server-only";
import { z } from "zod";
import { validatePath } from "@/lib/core/zk/paths";
import { relativeTo, subtreeNodes } from "./read-subtree";
import { EXPORT_FORMAT, exportedNodeOf } from "./export-format";
import type { RequestCtx } from "@/lib/core/context";
import { logger } from "@/lib/core/log";

const log = logger("export");

export const exportQuery = z.object({ path: z.string(), acl: z.enum(["true", "false"]).default("true") });

/** Stream a subtree as an export file; validation and the root's existence are checked before the first byte. */
export async function exportSubtree({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }): Promise<ReadableStream<Uint8Array>> {
  const q = exportQuery.parse(input);
  const root = validatePath(q.path);
  const { cluster, client } = await ctx.clusterSession(clusterId, root);
  await client.get(root); // NO_NODE becomes a 404 before streaming starts
  const encoder = new TextEncoder();
  async function* chunks() {
    const head = { format: EXPORT_FORMAT, formatVersion: 1, root, cluster: cluster.name, exportedAt: new Date().toISOString() };
    yield encoder.encode(JSON.stringify(head).slice(0, -1) + ',"nodes":[\n');
    let count = 0;
    // Nodes the console may not read are left out with their subtrees and listed, so the file
    // stays whole and importable; on any other failure the document stays unterminated:
    // importing it fails as truncated instead of loading half a tree.
    const skipped: string[] = [];
    for await (const n of subtreeNodes(client, root, { withAcl: q.acl === "true", onUnreadable: (p) => skipped.push(relativeTo(root, p)) })) {
      yield encoder.encode((count++ ? ",\n" : "") + JSON.stringify(exportedNodeOf(n)));
    }
    if (skipped.length) log.warn({ requestId: ctx.requestId, cluster: cluster.name, path: root, skipped: skipped.length, first: skipped.slice(0, 10) }, "export left out znodes the console may not read");
    yield encoder.encode(`\n],"count":${count}${skipped.length ? `,"skipped":${JSON.stringify(skipped.sort())}` : ""}}\n`);
  }
  const it = chunks();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (e) {
        log.error({ err: e, requestId: ctx.requestId, cluster: cluster.name, path: root }, "export failed");
        controller.error(e);
      }
    },
    async cancel() {
      await it.return(undefined);
    },
  });
}

/** The export as a file download, named after its root (GET …/export). */
export async function exportDownload({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }): Promise<Response> {
  const stream = await exportSubtree({ ctx, clusterId, input });
  const name = exportQuery.parse(input).path.replace(/[^\w.-]+/g, "_").replace(/^_+|_+$/g, "") || "root";
  return new Response(stream, {
    headers: { "Content-Type": "application/json", "Content-Disposition": `attachment; filename="zk-export-${name}.json"`, "Cache-Control": "no-store" },
  });
}
