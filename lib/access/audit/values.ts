import { createHash } from "node:crypto";

export const AUDIT_VALUE_CAP = 64 * 1024;

export const sha256 = (buf: Buffer) => createHash("sha256").update(buf).digest("hex");

/** A value as kept in the audit trail: capped text (base64 when binary) plus a hash of the whole value. */
export function auditValue(buf: Buffer | null | undefined): { data: string | null; hash: string | null } {
  if (!buf) return { data: null, hash: null };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    text = "base64:" + buf.toString("base64");
  }
  return { data: text.length > AUDIT_VALUE_CAP ? text.slice(0, AUDIT_VALUE_CAP) : text, hash: sha256(buf) };
}

/** A database record (cluster, grant, user) as an audit value: pretty JSON, so diffs are by line. */
export function auditJson(value: unknown): { data: string | null; hash: string | null } {
  return value === undefined || value === null ? { data: null, hash: null } : auditValue(Buffer.from(JSON.stringify(value, null, 2)));
}
