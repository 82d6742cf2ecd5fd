// What differs between the two sides of one node: value (a text patch or sizes and hashes), ACL,
// node type (ephemeral or not: TTL and container types are not visible in a Stat).
import { createTwoFilesPatch } from "diff";
import { sha256 } from "@/lib/access/audit/values";
import { permLetters } from "@/lib/core/zk/perms";
import { textOf } from "@/lib/znodes/format";
import type { DiffNode, DiffRow } from "./schema";
import type { NodePair, ReadNode } from "./walk-pair";

const PATCH_MAX_BYTES = 64 * 1024;

const isEphemeral = (n: ReadNode) => !/^0*$/.test(String(n.stat.ephemeralOwner ?? "0"));
const aclOf = (n: ReadNode) => (n.acl ?? []).map((e) => `${e.scheme}:${e.auth}:${permLetters(e.perms)}`).sort();

export function sideOf(n: ReadNode): DiffNode {
  return { version: n.stat.version, aversion: n.stat.aversion, size: n.data.length, sha256: sha256(n.data), ...(isEphemeral(n) ? { ephemeral: true as const } : {}), ...(n.acl ? { acl: aclOf(n) } : {}) };
}

function patchOf(path: string, left: Buffer, right: Buffer): { patch?: string; binary?: true } {
  const l = left.length <= PATCH_MAX_BYTES ? textOf(left) : null;
  const r = right.length <= PATCH_MAX_BYTES ? textOf(right) : null;
  if (l === null || r === null) return textOf(left) === null || textOf(right) === null ? { binary: true } : {};
  return { patch: createTwoFilesPatch(`right${path}`, `left${path}`, r, l) };
}

/** The row for one node pair, or null when both sides are the same. */
export function compareNodes(pair: NodePair): Exclude<DiffRow, { type: "progress" | "done" }> | null {
  const { path, left, right } = pair;
  if (left && !right) return { type: "added", path, left: sideOf(left) };
  if (right && !left) return { type: "removed", path, right: sideOf(right) };
  const l = left!;
  const r = right!;
  const dataDiffers = !l.data.equals(r.data);
  const a = sideOf(l);
  const b = sideOf(r);
  const aclDiffers = !!l.acl && a.acl!.join(",") !== b.acl!.join(",");
  const typeDiffers = !!a.ephemeral !== !!b.ephemeral;
  if (!dataDiffers && !aclDiffers && !typeDiffers) return null;
  return {
    type: "changed", path, left: a, right: b,
    ...(dataDiffers ? { data: patchOf(path, l.data, r.data) } : {}),
    ...(aclDiffers ? { acl: true as const } : {}),
    ...(typeDiffers ? { nodeType: true as const } : {}),
  };
}
