// GET /api/v1/admin/users – users with last login, groups and effective grants (admins)
import { route } from "@/lib/api/route";
import { listUsers } from "@/lib/auth/admin";

export const GET = route(async ({ ctx }) => listUsers({ ctx }));
