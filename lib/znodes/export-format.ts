// The export file: one JSON document, written node by node so 100k nodes stream.
import { z } from "zod";
import type { SubtreeNode } from "./read-subtree";

export const EXPORT_FORMAT = "zk-console-export";

export const exportedNode = z.object({
  path: z.string(),
  data: z.string(),
  encoding: z.enum(["utf8", "base64"]),
  ephemeral: z.boolean().default(false),
  acl: z.array(z.object({ scheme: z.string(), id: z.string(), perms: z.number().int().min(0).max(31) })).optional(),
  stat: z.record(z.unknown()).optional(),
}).strict();

export const exportFile = z.object({
  format: z.literal(EXPORT_FORMAT, { errorMap: () => ({ message: `this is not a ${EXPORT_FORMAT} file` }) }),
  formatVersion: z.literal(1),
  root: z.string(),
  cluster: z.string().optional(),
  exportedAt: z.string(),
  nodes: z.array(exportedNode),
  count: z.number().int().min(0),
  /** Relative paths the export could not read (NO_AUTH for the console), left out with their subtrees. */
  skipped: z.array(z.string()).optional(),
}).strict().superRefine((f, ctx) => {
  if (f.count !== f.nodes.length) ctx.addIssue({ code: "custom", path: ["count"], message: `the file says ${f.count} znodes but holds ${f.nodes.length}: it is truncated or edited` });
});

export type ExportFile = z.infer<typeof exportFile>;

/** A schema issue as the sentence after "the import file is not usable: " (`nodes.3.encoding: …`). */
export function importFileIssue(issue: z.ZodIssue, at: (string | number)[] = []): string {
  const path = [...at, ...issue.path];
  return `${path.length ? path.join(".") + ": " : ""}${issue.message}`;
}
export type ExportedNode = z.infer<typeof exportedNode>;

/** UTF-8 text when the bytes are valid UTF-8 without control characters, else base64: exact either way. */
export function encodeValue(buf: Buffer): { data: string; encoding: "utf8" | "base64" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
    if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) && Buffer.from(text, "utf8").equals(buf)) return { data: text, encoding: "utf8" };
  } catch { /* not UTF-8 */ }
  return { data: buf.toString("base64"), encoding: "base64" };
}

export const decodeValue = (n: Pick<ExportedNode, "data" | "encoding">) => Buffer.from(n.data, n.encoding === "utf8" ? "utf8" : "base64");

export function exportedNodeOf(n: SubtreeNode): ExportedNode {
  return {
    path: n.relative,
    ...encodeValue(n.data),
    ephemeral: !/^0*$/.test(String(n.stat.ephemeralOwner)),
    ...(n.acl ? { acl: n.acl.map((a) => ({ scheme: a.scheme, id: a.auth, perms: a.perms })) } : {}),
    stat: { version: n.stat.version, ctime: new Date(n.stat.ctime).toISOString(), mtime: new Date(n.stat.mtime).toISOString(), czxid: n.stat.czxid, mzxid: n.stat.mzxid },
  };
}
