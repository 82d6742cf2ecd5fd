// GET /api/v1/change-requests/inbox – how many requests wait for your review, and recent events of yours and those
import { route } from "@/lib/access/route";
import { changeInbox } from "@/lib/changes";

export const GET = route({ permission: "signed-in" }, async ({ ctx }) => changeInbox({ ctx }));
