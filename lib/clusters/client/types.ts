// Shapes of the cluster endpoints as the browser sees them.
export type SessionState = "idle" | "connecting" | "connected" | "expired" | "failed";

export type Cluster = {
  id: string;
  name: string;
  connectionString: string;
  sessionTimeoutMs: number;
  readOnly: boolean;
  environment: string;
  maxDataBytes: number;
  adminServerPort: number | null;
  latencyAlertMs: number | null;
  /** Only sent to admins (it may carry a token). */
  webhookUrl?: string | null;
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
