import { errors } from "@/lib/core/errors";

/** Environments where every change must say why (the operator's reason goes into the audit trail). */
export const REASON_REQUIRED_ENVIRONMENTS = new Set(["prod"]);

export function requireReason(cluster: { name: string; environment: string }, reason: string | null | undefined): void {
  if (!REASON_REQUIRED_ENVIRONMENTS.has(cluster.environment) || (reason && reason.trim())) return;
  throw errors.reasonRequired(cluster);
}
