// Shapes of the cluster endpoints as the browser sees them, derived from the server's view and
// schemas (type-only imports).
import type { z } from "zod";
import type { Answer, Wire } from "@/lib/core/client/answer";
import type { clusterInput, ClusterView, testClusterConnection } from "@/lib/clusters";

/** A registered cluster with its session state; `webhookUrl` only for admins (it may carry a token). */
export type Cluster = Wire<ClusterView>;
export type SessionState = Cluster["session"]["state"];

export type ClusterInput = z.input<typeof clusterInput>;
export type ConnectionTestResult = Answer<typeof testClusterConnection>;

/** GET, PATCH …/clusters/{id} and POST …/clusters answer `{ cluster }`. */
export type ClusterAnswer = { cluster: Cluster };
/** GET …/clusters: the clusters the signed-in user may see. */
export type ClusterList = { clusters: Cluster[] };
