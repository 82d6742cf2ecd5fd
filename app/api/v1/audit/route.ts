// GET /api/v1/audit?actor=&clusterId=&pathPrefix=&operation=&outcome=&from=&to=&before=&limit= – audit entries, newest first (admins)
import { route } from "@/lib/access/route";
import { listAudit } from "@/lib/audit";

export const GET = route({ permission: "admin" }, async ({ ctx, query }) => listAudit({ ctx, input: query }));
