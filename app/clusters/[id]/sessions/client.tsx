"use client";

import { ErrorBox } from "@/components/error-box";
import { useSessions } from "@/lib/health/client/use-sessions";
import { useZnodeHref } from "@/components/clusters/cluster-context";
import Link from "next/link";
import { dash, num } from "@/components/health/format";
import { StateBadge } from "@/components/health/state-badge";
import "@/components/health/health.css";

export function SessionsScreen({ clusterId }: { clusterId: string }) {
  const znodeHref = useZnodeHref();
  const s = useSessions(clusterId);
  return (
    <div className="page">
      {s.isPending ? <p className="muted">Asking members…</p> : s.isError ? <ErrorBox error={s.error} /> : (
        <>
          <section className="card hl-section" aria-label="Members">
            <h2>Members</h2>
            <ul>
              {s.data.members.map((m) => (
                <li key={m.address}>
                  <code>{m.address}</code> <StateBadge state={m.state} /> {m.mode ?? ""} · {m.connections ?? dash} connections
                  {m.error && <span className="error-text"> {m.error}</span>}
                  {m.fix && <div className="hl-hint">{m.fix}</div>}
                </li>
              ))}
            </ul>
          </section>
          <section className="card hl-section" aria-label="Sessions">
            <h2>Sessions ({s.data.sessions.length})</h2>
            <div className="hl-scroll">
              <table className="hl-table" data-testid="sessions-table">
                <thead><tr><th>Client</th><th>Session</th><th>Member</th><th>Timeout</th><th>Queued</th><th>Received</th><th>Sent</th><th>Last op</th><th>Avg/max latency</th></tr></thead>
                <tbody>
                  {s.data.sessions.map((c) => (
                    <tr key={`${c.member}-${c.sessionId}`} id={`session-${c.sessionId}`}>
                      <td><code>{c.client}</code></td>
                      <td><code>{c.sessionId}</code></td>
                      <td><code>{c.member}</code></td>
                      <td className="num">{c.timeoutMs ? `${num(c.timeoutMs)} ms` : dash}</td>
                      <td className="num">{num(c.queued)}</td>
                      <td className="num">{num(c.received)}</td>
                      <td className="num">{num(c.sent)}</td>
                      <td>{c.lastOperation ?? dash}</td>
                      <td className="num">{c.avgLatencyMs !== null ? `${num(c.avgLatencyMs)} / ${num(c.maxLatencyMs)} ms` : dash}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="card hl-section" aria-label="Ephemeral nodes">
            <h2>Ephemeral nodes by owner session</h2>
            {s.data.ephemeralsNote && <p className="hl-hint">{s.data.ephemeralsNote}</p>}
            {s.data.ephemeralsFrom && <p className="muted">From <code>dump</code> on {s.data.ephemeralsFrom}.</p>}
            {!s.data.ephemerals.length ? <p className="muted">No ephemeral nodes.</p> : (
              <table className="hl-table" data-testid="ephemerals-table">
                <thead><tr><th>Session</th><th>Client</th><th>Nodes</th></tr></thead>
                <tbody>
                  {s.data.ephemerals.map((e) => (
                    <tr key={e.sessionId}>
                      <td><code>{e.sessionId}</code>{e.timeoutMs ? <div className="muted">timeout {num(e.timeoutMs)} ms</div> : null}</td>
                      <td>{e.client ? <><code>{e.client}</code><div className="muted">via {e.member}</div></> : <span className="muted">not connected to a probed member</span>}</td>
                      <td>
                        <ul className="hl-paths">
                          {e.paths.map((p) => <li key={p}><Link href={znodeHref(p)}>{p}</Link></li>)}
                        </ul>
                        {e.count > e.paths.length && <span className="muted">and {num(e.count - e.paths.length)} more</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </div>
  );
}
