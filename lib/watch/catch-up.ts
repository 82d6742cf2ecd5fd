// What a (re)connecting stream is sent before live events: the events it missed, out of the
// ring, for the paths that were watched without a gap since its Last-Event-ID; for every other
// path the node as it is now (a per-path resync, for the viewer to compare with what it shows).
import type { RawStat } from "@/lib/core/zk/client";
import { formatStat } from "../znodes/format";
import { eventId, parseEventId, type LiveEvent } from "./events";

type Held = { path: string; since: number; latest: RawStat | null | undefined };

type Args = {
  instance: string;
  clusterId: string;
  /** The ring's events, oldest first. */
  ring: LiveEvent[];
  held: Held[];
  /** The hub's sequence when the stream subscribed: later events reach it live. */
  registeredAt: number;
  lastEventId: string | null | undefined;
  state: LiveEvent;
};

const seqOf = (e: LiveEvent) => parseEventId(e.id)?.seq ?? 0;

export function catchUpEvents({ instance, clusterId, ring, held, registeredAt, lastEventId, state }: Args): LiveEvent[] {
  const last = parseEventId(lastEventId);
  const oldest = ring.length ? seqOf(ring[0]) : registeredAt + 1;
  // Resumable when the id is this hub's and nothing after it was evicted from the ring.
  const from = last && last.instance === instance && last.seq <= registeredAt && oldest <= last.seq + 1 ? last.seq : null;
  const replayed = new Set(from === null ? [] : held.filter((w) => w.since <= from).map((w) => w.path));
  const out: LiveEvent[] = [];
  if (from !== null) {
    for (const e of ring) {
      const seq = seqOf(e);
      if (seq > from && seq <= registeredAt && (e.path === null || replayed.has(e.path))) out.push(e);
    }
  }
  const id = eventId(instance, registeredAt);
  out.push({ ...state, id });
  const at = new Date().toISOString();
  for (const w of held) {
    if (replayed.has(w.path)) continue;
    // undefined: not read yet (the cluster is unreachable); a cluster-wide resync follows recovery.
    const stat = w.latest === undefined ? undefined : w.latest && formatStat(w.latest);
    out.push({ id, clusterId, path: w.path, type: "resync", ...(stat === undefined ? {} : { stat }), at });
  }
  return out;
}
