// POST /api/v1/audit/verify – check the hash chain; reports the first broken link (admins)
import { route } from "@/lib/access/route";
import { verifyAudit } from "@/lib/audit";

export const POST = route({ permission: "admin" }, async ({ ctx }) => verifyAudit({ ctx }));
