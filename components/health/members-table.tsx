import type { MemberHealthView } from "@/lib/health/client/types";
import { bytes, dash, num } from "./format";
import { StateBadge } from "./state-badge";

export function MembersTable({ members }: { members: MemberHealthView[] }) {
  return (
    <section className="card hl-section" aria-label="Members">
      <h2>Members</h2>
      {/* Focusable so keyboard users can scroll a table wider than the screen (axe: scrollable-region-focusable). */}
      <div className="hl-scroll" tabIndex={0} role="region" aria-label="Members table">
        <table className="hl-table" data-testid="members-table">
          <thead>
            <tr>
              <th>Member</th><th>State</th><th>Mode</th><th>Version</th><th title="epoch / counter">Zxid</th>
              <th>Latency (ms) min/avg/max</th><th>Outstanding</th><th>Znodes</th><th>Watches</th><th>Ephemerals</th>
              <th>Data size</th><th>FDs open/max</th><th>Connections</th><th>Followers synced</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.address} data-testid="member-row" data-mode={m.mode ?? ""} data-state={m.state}>
                <td>
                  <code>{m.address}</code>
                  {m.role === "observer" && <span className="muted"> observer</span>}
                  <div className="hl-sub muted">{m.serverId !== null && m.serverId !== undefined ? `id ${m.serverId} · ` : ""}via {m.source ?? dash}</div>
                  {m.error && <div className="error-text">{m.error}</div>}
                  {m.fix && <div className="hl-hint" data-testid="whitelist-hint">{m.fix}</div>}
                </td>
                <td><StateBadge state={m.state} /></td>
                <td className={m.mode === "leader" ? "hl-mode-leader" : undefined}>{m.mode ?? dash}{m.readOnly ? " (read-only)" : ""}</td>
                <td>{m.version ? m.version.split(/[-,]/)[0] : dash}</td>
                <td className="num">{m.zxid ? <span title={m.zxid.hex}>{m.zxid.epoch} / {m.zxid.counter}</span> : dash}</td>
                <td className="num">{m.latency ? `${num(m.latency.min)} / ${num(m.latency.avg, 2)} / ${num(m.latency.max)}` : dash}</td>
                <td className="num">{num(m.outstanding)}</td>
                <td className="num">{num(m.znodeCount)}</td>
                <td className="num">{num(m.watchCount)}</td>
                <td className="num">{num(m.ephemerals)}</td>
                <td className="num">{bytes(m.dataSize)}</td>
                <td className="num">{m.openFds !== null || m.maxFds !== null ? `${num(m.openFds)} / ${num(m.maxFds)}` : dash}</td>
                <td className="num">{num(m.connections)}</td>
                <td className="num">{m.mode === "leader" ? `${num(m.syncedFollowers)} of ${num(m.learners)}` : dash}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">Latency is ZooKeeper&apos;s own figure since its counters were last reset (the srst four-letter word resets them).</p>
    </section>
  );
}
