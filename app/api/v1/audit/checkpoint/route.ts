// POST /api/v1/audit/checkpoint – verify the records since the last checkpoint and write a signed checkpoint of the head now (admins)
import { route } from "@/lib/access/route";
import { checkpointNow } from "@/lib/audit";

export const POST = route({ permission: "admin" }, async ({ ctx }) => checkpointNow({ ctx }));
