export { getAcl } from "./get-acl";
export { setAcl } from "./set-acl";
export { applyRecursiveAcl, previewRecursiveAcl } from "./recursive";
export { computeDigest } from "./digest";
export { digestId } from "@/lib/core/zk/digest";
export { createPreset, deletePreset, listPresets, updatePreset, BUILTIN_PRESETS } from "./presets";
export { explainNoAuth, explainIfNoAuth } from "@/lib/access/explain-no-auth";
