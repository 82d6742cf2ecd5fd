"use client";

import "./live.css";
import { useLiveStatus } from "@/lib/watch/client/use-live-status";

const LABELS = { connecting: "connecting…", live: "live", reconnecting: "reconnecting…", resyncing: "resyncing…", stopped: "not live" } as const;

/** The state of the cluster's live stream: live / reconnecting / resyncing. */
export function LiveIndicator({ clusterId }: { clusterId: string }) {
  const { state, reason } = useLiveStatus(clusterId);
  return (
    <span className={`live-state live-state-${state}`} role="status" aria-label={`Live changes: ${LABELS[state]}`} data-testid="live-state" data-state={state} title={reason}>
      <span className="live-state-dot" aria-hidden />
      {LABELS[state]}
      {reason && state !== "live" ? <span className="live-state-reason">{reason}</span> : null}
    </span>
  );
}
