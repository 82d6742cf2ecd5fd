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

export function formatData(buf: Buffer) {
  const text = new TextDecoder("utf-8", { fatal: true });
  let decoded: string | null = null;
  try {
    decoded = text.decode(buf);
  } catch {
    decoded = null;
  }
  // NUL and other C0 controls (except tab/newline/CR) mark a value as binary.
  const isBinary = decoded === null || /[\u0000-\u0008\u000e-\u001f]/.test(decoded);
  let json: unknown = null;
  if (!isBinary && decoded && /^\s*[[{"]/.test(decoded)) {
    try { json = JSON.parse(decoded); } catch { json = null; }
  }
  return { base64: buf.toString("base64"), text: isBinary ? null : decoded, isBinary, json };
}
