import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { toApiError } from "@/lib/core/client/api-fetch";
import { useDebouncedValue } from "@/lib/core/client/use-debounced-value";
import { liveEventsUrl, liveKeys } from "./keys";
import { applyLiveEvent, setLiveStatus } from "./live-cache";
import type { LiveEvent } from "./types";

/** After the server refused the stream (EventSource gives up), try again this much later. */
const REOPEN_MS = 5_000;

/** Why the stream was refused: a 4xx is final (no permission, bad path), anything else is retried. */
async function refusal(url: string): Promise<{ message: string; final: boolean } | null> {
  try {
    const res = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
    if (res.ok) {
      await res.body?.cancel();
      return null;
    }
    return { message: toApiError(res.status, await res.json().catch(() => null)).message, final: res.status < 500 };
  } catch {
    return null;
  }
}

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
    const url = liveEventsUrl(clusterId, key.split("\n"), resumeFrom);
    const source = new EventSource(url);
    let stopped = false;
    source.onmessage = (message) => {
      let event: LiveEvent;
      try {
        event = JSON.parse(message.data) as LiveEvent;
      } catch {
        return;
      }
      last.current = { key, id: message.lastEventId || event.id };
      // Ended for good by the server: no reconnect (it would be refused).
      if (event.type === "closed") {
        stopped = true;
        source.close();
      }
      applyLiveEvent(qc, clusterId, event);
      onEventRef.current?.(event);
    };
    source.onerror = () => {
      // CONNECTING: the browser retries by itself (with Last-Event-ID). CLOSED: the server answered
      // with an error, which EventSource does not show: ask once more to learn why.
      if (source.readyState !== EventSource.CLOSED) return setLiveStatus(qc, clusterId, { state: "reconnecting", reason: "the live stream was interrupted" });
      void refusal(url).then((why) => {
        if (stopped) return;
        if (why?.final) return setLiveStatus(qc, clusterId, { state: "stopped", reason: why.message });
        setLiveStatus(qc, clusterId, { state: "reconnecting", reason: why?.message ?? "the live stream was refused; retrying" });
        reopen = setTimeout(() => setAttempt((n) => n + 1), REOPEN_MS);
      });
    };
    return () => {
      stopped = true;
      clearTimeout(reopen);
      source.close();
    };
  }, [qc, clusterId, key, attempt]);
}
