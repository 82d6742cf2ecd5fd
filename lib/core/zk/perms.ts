// ZooKeeper permission bits and their letters, as the ACL editor shows them (cdrwa).
import type { AclEntry } from "./client";
export const PERMS = [
  { letter: "c", bit: 4, name: "create" },
  { letter: "d", bit: 8, name: "delete" },
  { letter: "r", bit: 1, name: "read" },
  { letter: "w", bit: 2, name: "write" },
  { letter: "a", bit: 16, name: "admin" },
] as const;

export type PermName = (typeof PERMS)[number]["name"];
export const ALL_PERMS = 31;
export const ADMIN = 16;

/** "cdrwa", "r", "-dr--" → bits; null when a character is not one of c d r w a (dashes are gaps). */
export function permBits(perms: string): number | null {
  let bits = 0;
  for (const ch of perms.toLowerCase()) {
    if (ch === "-") continue;
    const p = PERMS.find((x) => x.letter === ch);
    if (!p) return null;
    bits |= p.bit;
  }
  return bits;
}

/** Bits → "cdrwa" with dashes for the missing ones, always five characters. */
export const permLetters = (bits: number) => PERMS.map((p) => (bits & p.bit ? p.letter : "-")).join("");

export const permNames = (bits: number): PermName[] => PERMS.filter((p) => bits & p.bit).map((p) => p.name);

/** An ACL entry as the API shows it: { scheme, id, perms: "cdrwa" with dashes }. */
export type AclView = { scheme: string; id: string; perms: string };

export const formatAclView = (acl: AclEntry[]): AclView[] => acl.map((e) => ({ scheme: e.scheme, id: e.auth, perms: permLetters(e.perms) }));

/** The same entries in the same order (what ZooKeeper keeps is the list as set). */
export const sameAcl = (a: AclEntry[], b: AclEntry[]) =>
  a.length === b.length && a.every((e, i) => e.scheme === b[i].scheme && e.auth === b[i].auth && e.perms === b[i].perms);
