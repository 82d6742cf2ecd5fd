// GET /api/v1/audit/export?format=csv|json&<filters> – download a filtered set (admins)
import { route } from "@/lib/access/route";
import { exportAudit } from "@/lib/audit";

export const GET = route({ permission: "admin" }, async ({ ctx, query }) => exportAudit({ ctx, input: query }));
