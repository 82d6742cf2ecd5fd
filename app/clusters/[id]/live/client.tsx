"use client";

import "@/components/live/live.css";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import type { LiveEvent, LiveEventType } from "@/lib/watch/client/types";
import { useLiveEvents } from "@/lib/watch/client/use-live-events";
import { FeedTable } from "@/components/live/feed-table";
import { LiveIndicator } from "@/components/live/live-indicator";
import { WatchedPaths } from "@/components/live/watched-paths";

/** Events kept on screen; older ones fall off. */
const MAX_EVENTS = 500;
const TYPES: LiveEventType[] = ["created", "deleted", "dataChanged", "childrenChanged", "resync", "state"];

/** A cluster's live feed: the events of the watched znodes as they happen, with pause and filter. */
export function LiveFeed({ clusterId, initialPaths }: { clusterId: string; initialPaths: string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const [paths, setPaths] = useState(initialPaths);
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [held, setHeld] = useState<LiveEvent[]>([]);
  const [paused, setPaused] = useState(false);
  const [filter, setFilter] = useState("");
  const [type, setType] = useState<LiveEventType | "">("");

  const onEvent = useCallback(
    (e: LiveEvent) => {
      if (paused) setHeld((h) => [e, ...h].slice(0, MAX_EVENTS));
      else setEvents((list) => [e, ...list].slice(0, MAX_EVENTS));
    },
    [paused],
  );
  useLiveEvents(clusterId, paths, onEvent);

  function watch(next: string[]) {
    setPaths(next);
    router.replace(`${pathname}?${new URLSearchParams(next.map((p) => ["path", p]))}`, { scroll: false });
  }
  function resume() {
    setEvents((list) => [...held, ...list].slice(0, MAX_EVENTS));
    setHeld([]);
    setPaused(false);
  }

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return events.filter((e) => (!type || e.type === type) && (!needle || (e.path ?? "").toLowerCase().includes(needle)));
  }, [events, filter, type]);

  return (
    <div className="browser">
      <section className="card page" aria-labelledby="live-heading">
        <div className="section-header">
          <h2 id="live-heading">Live changes</h2>
          <LiveIndicator clusterId={clusterId} />
        </div>
        <WatchedPaths paths={paths} onChange={watch} />
        <div className="live-bar">
          {paused ? (
            <button type="button" className="button" onClick={resume}>
              Resume{held.length ? ` (${held.length} new)` : ""}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => setPaused(true)}>
              Pause
            </button>
          )}
          <label className="field inline" htmlFor="feed-filter">
            <span>Filter by path</span>
            <input id="feed-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
          </label>
          <label className="field inline" htmlFor="feed-type">
            <span>Event</span>
            <select id="feed-type" value={type} onChange={(e) => setType(e.target.value as LiveEventType | "")}>
              <option value="">all</option>
              {TYPES.map((t) => (
                <option key={t} value={t}>{t}</option>
              ))}
            </select>
          </label>
          <button type="button" className="link-button" onClick={() => setEvents([])}>
            Clear
          </button>
          <span className="muted" role="status" data-testid="live-feed-count">
            {shown.length} of {events.length} events
          </span>
        </div>
        <FeedTable events={shown} />
      </section>
    </div>
  );
}
