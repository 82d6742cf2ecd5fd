// GET /api/v1/change-requests/{id} – one request: ops with their base and current values, approvals, timeline, what you may do
import { route } from "@/lib/access/route";
import { changeRequestTarget, getChangeRequest } from "@/lib/changes";

export const GET = route({ permission: "cluster:visible", target: ({ params }) => changeRequestTarget(params.id) }, async ({ ctx, params }) => getChangeRequest({ ctx, id: params.id }));
