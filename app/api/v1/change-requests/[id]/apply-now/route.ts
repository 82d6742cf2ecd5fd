// POST /api/v1/change-requests/{id}/apply-now – { reason }: break glass: an admin of every path applies a pending request without its approvals (flagged, audited)
import { route } from "@/lib/access/route";
import { applyChangeRequestNow, changeRequestTarget } from "@/lib/changes";

export const POST = route({ permission: "znode:admin", target: ({ params }) => changeRequestTarget(params.id), audit: "change_request_break_glass" }, async ({ ctx, params, body }) => applyChangeRequestNow({ ctx, id: params.id, input: await body() }));
