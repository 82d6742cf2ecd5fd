"use client";

import "./live.css";
import { useChangedSince } from "@/lib/watch/client/use-changed-since";

/** In an editor: a live warning that someone else changed (or deleted) the znode since it was opened. */
export function ChangedSinceNote({ clusterId, path, baseVersion, hidden = false }: { clusterId: string; path: string; baseVersion: number; hidden?: boolean }) {
  const since = useChangedSince(clusterId, path, baseVersion);
  if (hidden || !since.changed) return null;
  return (
    <p className="live-warning" role="alert" data-testid="changed-since">
      {since.deleted
        ? `${path} was deleted by someone else since you opened it.`
        : `${path} was changed by someone else since you opened it (version ${baseVersion} → ${since.version}). Saving will show both versions to merge.`}
    </p>
  );
}
