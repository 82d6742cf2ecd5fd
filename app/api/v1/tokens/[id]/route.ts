// DELETE /api/v1/tokens/{id} – revoke an API token (its owner, or an admin; audited)
import { route } from "@/lib/access/route";
import { revokeToken } from "@/lib/tokens";

export const DELETE = route({ permission: "signed-in", sessionOnly: "manage API tokens" }, async ({ ctx, params }) => revokeToken({ ctx, id: params.id }));
