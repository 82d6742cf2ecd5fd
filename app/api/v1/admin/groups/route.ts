// GET /api/v1/admin/groups – IdP groups seen at sign-in, their member counts and mapped grants (admins)
import { route } from "@/lib/access/route";
import { listGroups } from "@/lib/admin";

export const GET = route({ permission: "admin" }, async ({ ctx }) => listGroups({ ctx }));
