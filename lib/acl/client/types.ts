// Shapes of the ACL, credential and preset endpoints as the browser sees them.
import type { AclEntry } from "@/lib/znodes/client/types";

export type AclState = {
  path: string;
  acl: AclEntry[];
  aversion: number;
  /** The console's ZooKeeper session at this node: its identities and what the ACL lets it do. */
  session: { identities: string[]; perms: string };
  permissions: { write: boolean; admin: boolean };
};

export type SetAclInput = { acl: AclEntry[]; aversion: number; reason?: string; override?: boolean };
export type SetAclResult = { path: string; acl: AclEntry[]; aversion: number; lockoutOverridden: boolean };

/** `details` of a 409 BAD_VERSION on an ACL save. */
export type AclConflict = { expectedAversion: number; currentAversion: number; current: { acl: AclEntry[]; aversion: number } };
/** `details` of a 409 LOCKOUT. */
export type LockoutDetails = { path: string; lost: string[]; identities: string[] };
/** `details` of a 403 NO_AUTH. */
export type NoAuthDetails = { path: string; node: string; needed: string; acl: AclEntry[] | null; identities: string[] };

export type RecursiveAclInput = { acl: AclEntry[]; reason?: string; override?: boolean };
export type RecursiveAclPreview = { path: string; count: number; differ: number; same: number; samples: string[]; blocked: string[]; blockedCount: number };
export type RecursiveAclResult = { path: string; count: number; changed: number; unchanged: number; skipped: { path: string; why: string }[]; blocked: string[]; lockoutOverridden: boolean };

export type AclPreset = { id: string; name: string; entries: AclEntry[]; builtin: boolean };

export type ClusterCredential = { id: string; scheme: string; label: string; createdAt: string };
export type CredentialInput = { scheme: string; credential: string; label?: string };
