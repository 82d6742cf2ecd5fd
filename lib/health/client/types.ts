// Response shapes of the health and sessions endpoints, derived from the server verbs
// (type-only imports: nothing server-side reaches the browser bundle).
import type { getClusterHealth } from "@/lib/health/get-cluster-health";
import type { getHealthHistory } from "@/lib/health/get-health-history";
import type { listAlerts } from "@/lib/health/list-alerts";
import type { listSessions } from "@/lib/health/list-sessions";

export type ClusterHealth = Awaited<ReturnType<typeof getClusterHealth>>;
export type MemberHealthView = ClusterHealth["members"][number];
export type HealthHistory = Awaited<ReturnType<typeof getHealthHistory>>;
export type HealthSampleView = HealthHistory["samples"][number];
export type HealthAlertView = Awaited<ReturnType<typeof listAlerts>>["alerts"][number];
export type SessionsView = Awaited<ReturnType<typeof listSessions>>;
