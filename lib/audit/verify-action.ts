import "server-only";
import { requireGlobalAdmin } from "../auth/permissions";
import type { RequestCtx } from "../mutations/context";
import { verifyAuditChain } from "./verify";

export async function verifyAudit({ ctx }: { ctx: RequestCtx }) {
  requireGlobalAdmin(ctx.actor, "verify the audit trail");
  return verifyAuditChain();
}
