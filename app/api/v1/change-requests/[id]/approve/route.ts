// POST /api/v1/change-requests/{id}/approve – { comment? }: approve (editor on every path, never the author); the last approval applies it
import { route } from "@/lib/access/route";
import { approveChangeRequest, changeRequestTarget } from "@/lib/changes";

export const POST = route({ permission: "znode:write", target: ({ params }) => changeRequestTarget(params.id), audit: "change_request_approve" }, async ({ ctx, params, body }) => approveChangeRequest({ ctx, id: params.id, input: await body() }));
