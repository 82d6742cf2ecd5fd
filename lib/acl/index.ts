export { getAcl } from "./get-acl";
export { setAcl } from "./set-acl";
export { applyRecursiveAcl, previewRecursiveAcl } from "./recursive";
export { computeDigest, digestId } from "./digest";
export { createPreset, deletePreset, listPresets, updatePreset, BUILTIN_PRESETS } from "./presets";
export { explainNoAuth, explainIfNoAuth } from "@/lib/access/explain-no-auth";
