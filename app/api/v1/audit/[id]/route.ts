// GET /api/v1/audit/{id} – one audited operation with its before/after values (admins)
import { route } from "@/lib/access/route";
import { readAuditEntry } from "@/lib/audit";

export const GET = route({ permission: "admin" }, async ({ ctx, params }) => readAuditEntry({ ctx, id: params.id }));
