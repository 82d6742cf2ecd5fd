// GET /api/v1/admin/users – users with last login, groups and effective grants (admins)
import { route } from "@/lib/access/route";
import { listUsers } from "@/lib/admin";

export const GET = route({ permission: "admin" }, async ({ ctx }) => listUsers({ ctx }));
