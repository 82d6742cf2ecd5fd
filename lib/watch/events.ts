// What the watch hub tells viewers, and how it travels as Server-Sent Events.
import type { StatView } from "../znodes/format";

/** The hub's view of its ZooKeeper session, as viewers see it. */
export type LiveState = "live" | "reconnecting" | "resyncing";

/** `closed`: the last event of a stream the server ended for good (its viewer lost access); `reason` says why. */
export type LiveEventType = "created" | "deleted" | "dataChanged" | "childrenChanged" | "resync" | "state" | "closed";

export type LiveEvent = {
  id: string;
  clusterId: string;
  /** The znode; null for cluster-wide events (state, a resync of everything the stream watches). */
  path: string | null;
  type: LiveEventType;
  /** The znode's Stat after the change; null when it does not exist (deleted, or a resync of a missing node). */
  stat?: StatView | null;
  /** Child names added and removed, when the lists are small enough to send. */
  children?: { added: string[]; removed: string[] };
  state?: LiveState;
  reason?: string;
  at: string;
};

const frames = new WeakMap<LiveEvent, string>();

/** One SSE frame, encoded once however many streams send it. JSON has no raw newlines, so the data fits on one `data:` line. */
export function sseFrame(event: LiveEvent): string {
  let frame = frames.get(event);
  if (!frame) {
    frame = `id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`;
    frames.set(event, frame);
  }
  return frame;
}

/** A comment line: keeps proxies and the browser from timing the stream out. */
export const HEARTBEAT_FRAME = ": keep-alive\n\n";

/** Event ids are `<hub instance>.<sequence>`: an id from another hub (a restarted server) never resumes. */
export const eventId = (instance: string, seq: number) => `${instance}.${seq}`;

export function parseEventId(id: string | null | undefined): { instance: string; seq: number } | null {
  const m = /^([a-z0-9]{1,32})\.(\d{1,15})$/.exec(id?.trim() ?? "");
  return m ? { instance: m[1], seq: Number(m[2]) } : null;
}
