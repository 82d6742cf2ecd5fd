// DELETE /api/v1/admin/grants/{id} – remove a grant (admins, audited)
import { route } from "@/lib/api/route";
import { deleteGrant } from "@/lib/auth/admin";

export const DELETE = route<{ id: string }>(async ({ ctx, params }) => deleteGrant({ ctx, id: params.id }));
