// Shapes of the health and sessions endpoints as the browser sees them: the JSON of the server
// verbs' results (type-only imports).
import type { Answer } from "@/lib/core/client/answer";
import type { getClusterHealth, getHealthHistory, listAlerts, listSessions } from "@/lib/health";

export type ClusterHealth = Answer<typeof getClusterHealth>;
export type MemberHealthView = ClusterHealth["members"][number];
export type HealthHistory = Answer<typeof getHealthHistory>;
export type HealthSampleView = HealthHistory["samples"][number];
export type AlertList = Answer<typeof listAlerts>;
export type HealthAlertView = AlertList["alerts"][number];
export type SessionsView = Answer<typeof listSessions>;
