export { openEventStream, MAX_PATHS_PER_STREAM } from "./open-event-stream";
export { openLiveStream, DEFAULT_LIMITS, type LiveStream, type StreamLimits, type StreamStats } from "./event-stream";
export { hubFor, existingHub, configureWatchHub, resetWatchHubOptions, watchStats } from "./hub";
export type { LiveEvent, LiveEventType, LiveState } from "./events";
