export { getNode } from "./get-node";
export { listChildrenPage } from "./list-children";
export { clientFor } from "./session";
