import type { LiveEvent } from "@/lib/watch/client/types";

function detail(e: LiveEvent): string {
  if (e.type === "state") return e.reason ? `${e.state}: ${e.reason}` : e.state ?? "";
  if (e.type === "resync") return e.reason ?? (e.stat ? `now at version ${e.stat.version}, ${e.stat.numChildren} children` : "");
  if (e.type === "childrenChanged" && e.children) {
    const parts = [...e.children.added.map((n) => `+${n}`), ...e.children.removed.map((n) => `−${n}`)];
    return parts.join(" ") || `${e.stat?.numChildren ?? "?"} children`;
  }
  if (e.type === "deleted") return "";
  return e.stat ? `version ${e.stat.version}, ${e.stat.dataLength} bytes` : "";
}

/** The events, newest first, as plain text (names and paths come from ZooKeeper: never markup). */
export function FeedTable({ events }: { events: LiveEvent[] }) {
  if (events.length === 0) return <p className="muted">No events yet. Changes to the watched znodes appear here as they happen.</p>;
  return (
    <div className="live-feed-scroll">
      <table className="live-feed-table" data-testid="live-feed">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Path</th>
            <th scope="col">Event</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <tr key={`${e.id}-${i}`} data-testid="live-feed-row" data-type={e.type}>
              <td>
                <time dateTime={e.at} title={e.at}>{new Date(e.at).toLocaleTimeString()}</time>
              </td>
              <td>{e.path ?? "(all)"}</td>
              <td className="live-type">{e.type}</td>
              <td>{detail(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
