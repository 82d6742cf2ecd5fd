// The ACL editor's draft: rows with a stable key, perms as letters; merging with a concurrent save.
// Browser-safe (no Node APIs): the editor and its tests use it.
import { aclIdProblem, normalizeId } from "@/lib/core/zk/acl-ids";
import { permBits, permLetters } from "@/lib/core/zk/perms";

export type AclEntryView = { scheme: string; id: string; perms: string };
export type DraftEntry = AclEntryView & { key: string };

let counter = 0;
const nextKey = () => `e${++counter}`;

export const toDraft = (acl: AclEntryView[]): DraftEntry[] => acl.map((e) => ({ ...e, perms: permLetters(permBits(e.perms) ?? 0), key: nextKey() }));

export const fromDraft = (draft: DraftEntry[]): AclEntryView[] => draft.map(({ scheme, id, perms }) => ({ scheme, id: normalizeId(scheme, id), perms }));

export const newEntry = (scheme = "digest", id = "", perms = "cdrwa"): DraftEntry => ({ scheme, id, perms, key: nextKey() });

/** The id a scheme starts with when the operator switches to it. */
export const defaultIdFor = (scheme: string, current: string) => (scheme === "world" ? "anyone" : scheme === "auth" ? "" : current === "anyone" ? "" : current);

/** Problems of one row, for the editor to show before the server would. */
export function rowProblem(e: AclEntryView): string | null {
  const idProblem = aclIdProblem(e.scheme, normalizeId(e.scheme, e.id));
  if (idProblem) return idProblem;
  return permBits(e.perms) ? null : "grant at least one permission";
}

/** Duplicate scheme:id rows (ZooKeeper would keep only one), by row key. */
export function duplicateKeys(draft: DraftEntry[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const e of draft) {
    const k = `${e.scheme}:${normalizeId(e.scheme, e.id)}`;
    if (seen.has(k)) dup.add(e.key);
    seen.add(k);
  }
  return dup;
}

/** Mine plus the entries only theirs has; where both name the same identity, its permissions are combined. */
export function mergeAcl(mine: AclEntryView[], theirs: AclEntryView[]): DraftEntry[] {
  const out = toDraft(mine);
  for (const t of theirs) {
    const same = out.find((e) => e.scheme === t.scheme && normalizeId(e.scheme, e.id) === normalizeId(t.scheme, t.id));
    if (same) same.perms = permLetters((permBits(same.perms) ?? 0) | (permBits(t.perms) ?? 0));
    else out.push(...toDraft([t]));
  }
  return out;
}
