// Live change events as the browser receives them from GET /api/v1/clusters/{id}/events.
import type { ZnodeStat } from "@/lib/znodes/client/types";
import type { LiveEvent as ServerLiveEvent, LiveEventType, LiveState as ServerLiveState } from "@/lib/watch/events";

export type { LiveEventType };
/** The server's watch state, plus the browser's own: (re)connecting, or stopped after a refusal (no permission, bad path). */
export type LiveState = ServerLiveState | "connecting" | "stopped";

export type LiveEvent = Omit<ServerLiveEvent, "stat"> & { stat?: ZnodeStat | null };

export type LiveStatus = { state: LiveState; reason?: string };
