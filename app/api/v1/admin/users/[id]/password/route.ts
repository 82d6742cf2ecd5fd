// POST /api/v1/admin/users/{id}/password – { password, mustChangePassword? }: reset a local account's password, ending its sessions (admins, audited)
import { route } from "@/lib/access/route";
import { resetPassword } from "@/lib/admin";

export const POST = route({ permission: "admin" }, async ({ ctx, params, body }) => resetPassword({ ctx, id: params.id, input: await body() }));
