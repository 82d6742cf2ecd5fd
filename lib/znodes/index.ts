export { getNode } from "./get-node";
export { listChildrenPage } from "./list-children";
export { clientFor } from "./session";
export { createNode } from "./create-node";
export { setData } from "./set-data";
export { deleteNode } from "./delete-node";
export { previewSubtree } from "./delete-recursive";
