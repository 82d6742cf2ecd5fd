// Shapes of the znode endpoints as the browser sees them.
import type { Progress } from "@/lib/core/client/ndjson";

export type { Progress };
export type ZnodeStat = {
  czxid: string;
  mzxid: string;
  pzxid: string;
  ctime: string;
  mtime: string;
  version: number;
  cversion: number;
  aversion: number;
  ephemeralOwner: string | null;
  dataLength: number;
  numChildren: number;
};

export type AclEntry = { scheme: string; id: string; perms: string };

export type Znode = {
  path: string;
  name: string;
  data: { base64: string; text: string | null; isBinary: boolean; json: unknown | null };
  stat: ZnodeStat;
  acl: AclEntry[];
  /** What the signed-in user may do here (the server enforces it regardless). */
  permissions: { write: boolean; admin: boolean };
};

export type ChildrenPage = {
  path: string;
  total: number;
  matched: number;
  offset: number;
  limit: number;
  children: string[];
};

export type NodeType = "persistent" | "persistent_sequential" | "ephemeral" | "ephemeral_sequential" | "container" | "persistent_ttl" | "persistent_sequential_ttl";

export type Encoding = "utf8" | "base64";

export type CreateZnodeInput = { data?: string; encoding?: Encoding; nodeType: NodeType; ttlMs?: number; createParents?: boolean; reason?: string };

export type CreateZnodeResult = { path: string; parentsCreated: string[]; stat: ZnodeStat; ephemeral: boolean };

export type SetDataInput = { data: string; encoding: Encoding; version: number; reason?: string };

/** `details` of a 409 BAD_VERSION: what is there now, to compare and merge. */
export type VersionConflict = { expectedVersion: number; currentVersion: number; current: { base64: string; stat: ZnodeStat } };

export type SubtreePreview = { path: string; count: number; depth: number; samples: string[]; ephemerals: number };

export type CopyInput = { source: string; target: string; targetClusterId?: string; withAcl: boolean; move: boolean; reason?: string };

export type CopyResult = { copied: number; verified: boolean; sourceDeleted: boolean; ephemeralsCopiedAsPersistent: number; target: string; targetClusterId: string };

export type ImportOptions = { path: string; onExisting: "skip" | "overwrite"; acl: boolean; reason?: string };

export type ImportPlan = {
  dryRun: true;
  root: string;
  counts: { creates: number; updates: number; unchanged: number; conflicts: number };
  creates: string[];
  updates: string[];
  unchanged: string[];
  conflicts: { path: string; why: string }[];
};

export type ImportReport = {
  dryRun: false;
  root: string;
  created: number;
  updated: number;
  unchanged: number;
  conflicts: { path: string; why: string }[];
  conflictCount: number;
  failed: { path: string; why: string }[];
};
