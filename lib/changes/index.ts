export { listChangeRequests, getChangeRequest, changeInbox } from "./list";
export { approveChangeRequest, rejectChangeRequest, withdrawChangeRequest, applyChangeRequestNow } from "./review";
export { rebaseChangeRequest } from "./rebase";
export { listProtections, createProtection, deleteProtection } from "./protections";
export { changeRequestTarget } from "./load";
