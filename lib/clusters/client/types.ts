// Shapes of the cluster endpoints as the browser sees them, derived from the server's view and
// schemas (type-only imports).
import type { z } from "zod";
import type { Answer, Wire } from "@/lib/core/client/answer";
import type { clusterInput, ClusterView, diagnoseCluster, testClusterConnection } from "@/lib/clusters";
import type { securityFields } from "@/lib/clusters/security-schema";

/** A registered cluster with its session state; `webhookUrl` only for admins (it may carry a token). */
export type Cluster = Wire<ClusterView>;
export type SessionState = Cluster["session"]["state"];

export type ClusterInput = z.input<typeof clusterInput>;
/** The `tls`, `sasl` and `force` fields of a registration, change or connection test. */
export type ClusterSecurityInput = z.input<typeof securityFields>;
export type ConnectionTestResult = Answer<typeof testClusterConnection>;
export type ClusterDiagnosis = Answer<typeof diagnoseCluster>;

/** GET, PATCH …/clusters/{id} and POST …/clusters answer `{ cluster }`. */
export type ClusterAnswer = { cluster: Cluster };
/** GET …/clusters: the clusters the signed-in user may see. */
export type ClusterList = { clusters: Cluster[] };
