// POST /api/v1/change-requests/{id}/withdraw – { comment? }: the author withdraws its request
import { route } from "@/lib/access/route";
import { changeRequestTarget, withdrawChangeRequest } from "@/lib/changes";

export const POST = route({ permission: "cluster:visible", target: ({ params }) => changeRequestTarget(params.id) }, async ({ ctx, params, body }) => withdrawChangeRequest({ ctx, id: params.id, input: await body() }));
