// DELETE /api/v1/clusters/{id}/protections/{protectionId} – remove a protection (cluster admins, audited)
import { route } from "@/lib/access/route";
import { deleteProtection } from "@/lib/changes";

export const DELETE = route({ permission: "cluster:admin", cluster: "id" }, async ({ ctx, params }) => deleteProtection({ ctx, clusterId: params.id, id: params.protectionId }));
