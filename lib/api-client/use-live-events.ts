import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { applyLiveEvent, setLiveStatus } from "./live-cache";
import { liveEventsUrl, liveKeys } from "./live-keys";
import type { LiveEvent } from "./live-types";
import { useDebouncedValue } from "./use-debounced-value";

/** After the server refused the stream (EventSource gives up), try again this much later. */
const REOPEN_MS = 5_000;

/**
 * One EventSource for a cluster page, watching `paths`. Every event updates the query cache
 * (refetches, stat patches, highlights, the connection state); `onEvent` also sees each one.
 * The stream is re-opened when the set of paths changes (debounced) and closed on unmount.
 */
export function useLiveEvents(clusterId: string, paths: string[], onEvent?: (e: LiveEvent) => void) {
  const qc = useQueryClient();
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  }, [onEvent]);
  const key = useDebouncedValue([...new Set(paths)].sort().join("\n"), 300);
  const last = useRef<{ key: string; id: string } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!key) return;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    // Resume only the same set of paths; a changed set starts with each path's current state.
    const resumeFrom = last.current?.key === key ? last.current.id : null;
    // A stream re-opened for another set of paths keeps showing the old state until the new one reports.
    if (!qc.getQueryData(liveKeys.status(clusterId))) setLiveStatus(qc, clusterId, { state: "connecting" });
    const source = new EventSource(liveEventsUrl(clusterId, key.split("\n"), resumeFrom));
    source.onmessage = (message) => {
      let event: LiveEvent;
      try {
        event = JSON.parse(message.data) as LiveEvent;
      } catch {
        return;
      }
      last.current = { key, id: message.lastEventId || event.id };
      applyLiveEvent(qc, clusterId, event);
      onEventRef.current?.(event);
    };
    source.onerror = () => {
      // CONNECTING: the browser retries by itself (with Last-Event-ID). CLOSED: the server refused.
      setLiveStatus(qc, clusterId, { state: "reconnecting", reason: source.readyState === EventSource.CLOSED ? "the live stream was refused; retrying" : "the live stream was interrupted" });
      if (source.readyState === EventSource.CLOSED) reopen = setTimeout(() => setAttempt((n) => n + 1), REOPEN_MS);
    };
    return () => {
      clearTimeout(reopen);
      source.close();
    };
  }, [qc, clusterId, key, attempt]);
}
