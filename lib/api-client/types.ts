// Shapes of the /api/v1 responses as the browser sees them.
export type SessionState = "idle" | "connecting" | "connected" | "expired" | "failed";

export type Cluster = {
  id: string;
  name: string;
  connectionString: string;
  sessionTimeoutMs: number;
  readOnly: boolean;
  environment: string;
  maxDataBytes: number;
  session: { state: SessionState; reason?: string; since: string };
};

export type ClusterInput = {
  name: string;
  connectionString: string;
  sessionTimeoutMs?: number;
  readOnly?: boolean;
  environment?: string;
};

export type ConnectionTestResult = { ok: true; latencyMs: number; rootChildren: number };

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
