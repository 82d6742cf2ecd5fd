// The diff API's query and NDJSON rows, shared by the route, the browser, promote and the CLI.
// Paths in rows are relative to each side's root ("/" is the root itself); `added` is a node only
// in the left tree, `removed` only in the right; a text patch goes from the right value to the left.
import { z } from "zod";

export const DIFF_MAX_NODES = 200_000;

const side = (name: string) =>
  z.string({ required_error: `${name} is required: {clusterId}:{path}` }).transform((v, ctx) => {
    const at = v.indexOf(":");
    if (at <= 0 || v[at + 1] !== "/") {
      ctx.addIssue({ code: "custom", message: `${name} must be {clusterId}:{path}, e.g. 3f2c…:/app/config (got ${JSON.stringify(v.slice(0, 80))})` });
      return z.NEVER;
    }
    return { clusterId: v.slice(0, at), path: v.slice(at + 1) };
  });
export const leftSide = side("left");
export const rightSide = side("right");
export type DiffSide = z.infer<typeof leftSide>;

export const diffOptions = {
  acl: z.enum(["true", "false"], { errorMap: () => ({ message: "acl must be true or false" }) }).default("false").transform((v) => v === "true"),
  maxNodes: z.coerce.number().int().min(1, "maxNodes must be at least 1").max(1_000_000, "maxNodes must be at most 1000000").default(DIFF_MAX_NODES),
};
export const diffQuery = z.object({ left: leftSide, right: rightSide, ...diffOptions }).strict();
export type DiffQuery = z.infer<typeof diffQuery>;

/** One side of a node: its version (for a version-checked write), value size and hash, ACL when asked. */
export type DiffNode = { version: number; aversion: number; size: number; sha256: string; ephemeral?: true; acl?: string[] };
export type DiffAdded = { type: "added"; path: string; left: DiffNode };
export type DiffRemoved = { type: "removed"; path: string; right: DiffNode };
/** `patch`: a unified diff from the right value to the left one when both are text (≤ 64 KiB); else only sizes and hashes. */
export type DiffChanged = { type: "changed"; path: string; left: DiffNode; right: DiffNode; data?: { patch?: string; binary?: true }; acl?: true; nodeType?: true };
export type DiffProgress = { type: "progress"; compared: number };
export type DiffDone = { type: "done"; compared: number; added: number; removed: number; changed: number; unchanged: number; truncated: boolean };
export type DiffRow = DiffAdded | DiffRemoved | DiffChanged | DiffProgress | DiffDone;

/** The two places a diff query names, for the route's read check (null: invalid, the verb says why). */
export function sidesOfQuery(search: URLSearchParams): (DiffSide | null)[] {
  return [leftSide.safeParse(search.get("left")), rightSide.safeParse(search.get("right"))].map((r) => (r.success ? r.data : null));
}
