import { sha256 } from "@/lib/access/audit/values";
import type { AuditEntry } from "./entry";

/** The operations whose before/after values are a znode's data (others keep ACLs, grants, settings as JSON). */
const ZNODE_DATA_OPERATIONS = new Set(["create", "set", "delete", "restore"]);

/** A successful change of one znode's data: the only records a restore writes back. */
export const isZnodeDataRecord = (e: Pick<AuditEntry, "operation" | "cluster" | "path" | "outcome">) =>
  ZNODE_DATA_OPERATIONS.has(e.operation) && e.cluster !== null && e.path !== null && e.outcome === "ok";

/**
 * The exact bytes of an audited value, or null when the record cannot give them back: values
 * are kept capped (text, or "base64:" + base64 for binary) with a hash of the whole value, and
 * only a value whose bytes match that hash is restored.
 */
export function restorableValue(v: { data: string | null; hash: string | null }): Buffer | null {
  if (v.data === null || !v.hash) return null;
  const candidates = [Buffer.from(v.data, "utf8")];
  if (v.data.startsWith("base64:")) candidates.unshift(Buffer.from(v.data.slice("base64:".length), "base64"));
  return candidates.find((b) => sha256(b) === v.hash) ?? null;
}
