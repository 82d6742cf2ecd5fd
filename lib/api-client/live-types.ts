// Live change events as the browser receives them from GET /api/v1/clusters/{id}/events.
import type { ZnodeStat } from "./types";

/** The server's watch state, plus the browser's own: (re)connecting, or stopped after a refusal (no permission, bad path). */
export type LiveState = "connecting" | "live" | "reconnecting" | "resyncing" | "stopped";

export type LiveEventType = "created" | "deleted" | "dataChanged" | "childrenChanged" | "resync" | "state";

export type LiveEvent = {
  id: string;
  clusterId: string;
  /** null: cluster-wide (a state change, or a resync of everything the stream watches). */
  path: string | null;
  type: LiveEventType;
  stat?: ZnodeStat | null;
  children?: { added: string[]; removed: string[] };
  state?: Exclude<LiveState, "connecting" | "stopped">;
  reason?: string;
  at: string;
};

export type LiveStatus = { state: LiveState; reason?: string };
