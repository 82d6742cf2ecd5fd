// GET /api/v1/change-requests?clusterId=&status=&author=&breakGlass=&before=&limit= – change requests of the clusters you see, newest first
import { route } from "@/lib/access/route";
import { listChangeRequests } from "@/lib/changes";

export const GET = route({ permission: "signed-in" }, async ({ ctx, query }) => listChangeRequests({ ctx, input: query }));
