export { getNode } from "./get-node";
export { listChildrenPage } from "./list-children";
export { createNode } from "./create-node";
export { setData } from "./set-data";
export { deleteNode } from "./delete-node";
export { previewSubtree } from "./delete-recursive";
export { copySubtree, type Progress } from "./copy-subtree";
export { exportDownload, exportSubtree } from "./export-subtree";
export { importSubtree, MAX_IMPORT_BYTES } from "./import-subtree";
