// GET /api/v1/admin/groups – IdP groups seen at sign-in, their member counts and mapped grants (admins)
import { route } from "@/lib/api/route";
import { listGroups } from "@/lib/auth/admin";

export const GET = route(async ({ ctx }) => listGroups({ ctx }));
