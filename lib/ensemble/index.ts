export { generateDeployment } from "./generate-deployment";
export { currentConfig, planReconfig, type ReconfigPlan } from "./plan-reconfig";
export { applyReconfig } from "./apply-reconfig";
