// Shapes of the change-request endpoints as the browser sees them, derived from the server's verbs.
import type { Answer } from "@/lib/core/client/answer";
import type { changeInbox, getChangeRequest, listChangeRequests, listProtections } from "@/lib/changes";

export type ChangeRequestList = Answer<typeof listChangeRequests>;
export type ChangeRequestRow = ChangeRequestList["changeRequests"][number];
export type ChangeRequestDetail = Answer<typeof getChangeRequest>["changeRequest"];
export type ChangeOp = ChangeRequestDetail["ops"][number];
export type ChangeInbox = Answer<typeof changeInbox>;
export type ProtectionList = Answer<typeof listProtections>;
