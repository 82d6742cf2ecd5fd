// POST /api/v1/change-requests/{id}/reject – { comment }: reject a pending request (a reviewer, never the author)
import { route } from "@/lib/access/route";
import { changeRequestTarget, rejectChangeRequest } from "@/lib/changes";

export const POST = route({ permission: "znode:write", target: ({ params }) => changeRequestTarget(params.id), audit: "change_request_reject" }, async ({ ctx, params, body }) => rejectChangeRequest({ ctx, id: params.id, input: await body() }));
