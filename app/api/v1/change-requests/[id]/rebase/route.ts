// POST /api/v1/change-requests/{id}/rebase – the author plans a stale or failed request again against the current values: a new pending request
import { route } from "@/lib/access/route";
import { changeRequestTarget, rebaseChangeRequest } from "@/lib/changes";

export const POST = route({ permission: "znode:write", target: ({ params }) => changeRequestTarget(params.id), audit: "change_request_rebase" }, async ({ ctx, params }) => rebaseChangeRequest({ ctx, id: params.id }));
