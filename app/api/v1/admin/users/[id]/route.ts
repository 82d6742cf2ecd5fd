// PATCH /api/v1/admin/users/{id} – { disabled?, role? }: disable/enable (ends sessions) or set the global role (admins, audited)
import { route } from "@/lib/access/route";
import { updateUser } from "@/lib/admin";

export const PATCH = route({ permission: "admin" }, async ({ ctx, params, body }) => updateUser({ ctx, id: params.id, input: await body() }));
