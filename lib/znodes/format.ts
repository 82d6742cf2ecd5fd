// Turn raw ZooKeeper values into what the API and UI show.
import type { AclEntry, RawStat } from "@/lib/core/zk/client";

export const hexZxid = (zxid: number) => "0x" + Math.max(0, zxid).toString(16);

export function formatStat(s: RawStat) {
  const owner = String(s.ephemeralOwner ?? "0");
  return {
    czxid: hexZxid(s.czxid),
    mzxid: hexZxid(s.mzxid),
    pzxid: hexZxid(s.pzxid),
    ctime: new Date(s.ctime).toISOString(),
    mtime: new Date(s.mtime).toISOString(),
    version: s.version,
    cversion: s.cversion,
    aversion: s.aversion,
    ephemeralOwner: /^0*$/.test(owner) ? null : "0x" + owner.replace(/^0x/, ""),
    dataLength: s.dataLength,
    numChildren: s.numChildren,
  };
}
export type StatView = ReturnType<typeof formatStat>;

const PERMS: [number, string][] = [[4, "c"], [8, "d"], [1, "r"], [2, "w"], [16, "a"]];
export const permString = (perms: number) => PERMS.map(([bit, ch]) => (perms & bit ? ch : "-")).join("");

export const formatAcl = (acl: AclEntry[]) => acl.map((e) => ({ scheme: e.scheme, id: e.auth, perms: permString(e.perms) }));

/** The value as text, or null when it is binary: not UTF-8, or NUL and other C0 controls (except tab/newline/CR). */
export function textOf(buf: Buffer): string | null {
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    return null;
  }
  return /[\u0000-\u0008\u000e-\u001f]/.test(decoded) ? null : decoded;
}

export function formatData(buf: Buffer) {
  const decoded = textOf(buf);
  const isBinary = decoded === null;
  let json: unknown = null;
  if (!isBinary && decoded && /^\s*[[{"]/.test(decoded)) {
    try { json = JSON.parse(decoded); } catch { json = null; }
  }
  return { base64: buf.toString("base64"), text: decoded, isBinary, json };
}
