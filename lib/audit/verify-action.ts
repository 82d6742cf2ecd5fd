import "server-only";
import { requireGlobalAdmin } from "@/lib/access/permissions";
import type { RequestCtx } from "@/lib/core/context";
import { verifyAuditChain } from "./verify";

export async function verifyAudit({ ctx }: { ctx: RequestCtx }) {
  requireGlobalAdmin(ctx.actor, "verify the audit trail");
  return verifyAuditChain();
}
