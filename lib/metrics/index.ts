export { renderMetrics } from "./render-metrics";
