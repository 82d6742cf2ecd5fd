// Live change events as the browser receives them from GET /api/v1/clusters/{id}/events: the
// server's own event type, as JSON (type-only imports).
import type { Wire } from "@/lib/core/client/answer";
import type { LiveEvent as ServerLiveEvent, LiveEventType, LiveState as ServerLiveState } from "@/lib/watch";

export type { LiveEventType };
/** The server's watch state, plus the browser's own: (re)connecting, or stopped after a refusal (no permission, bad path). */
export type LiveState = ServerLiveState | "connecting" | "stopped";

export type LiveEvent = Wire<ServerLiveEvent>;

export type LiveStatus = { state: LiveState; reason?: string };
