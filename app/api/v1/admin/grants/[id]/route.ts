// DELETE /api/v1/admin/grants/{id} – remove a grant (admins, audited)
import { route } from "@/lib/access/route";
import { deleteGrant } from "@/lib/admin";

export const DELETE = route({ permission: "admin" }, async ({ ctx, params }) => deleteGrant({ ctx, id: params.id }));
