"use client";

import Link from "next/link";
import type { AuditEntry } from "@/lib/audit/client/types";
import { OutcomeBadge } from "./outcome-badge";
import { operationLabel } from "./operations";

const when = (iso: string) => new Date(iso).toLocaleString();

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className="muted">No audit records match.</p>;
  return (
    <table className="audit-table" data-testid="audit-table">
      <thead>
        <tr><th>#</th><th>Time</th><th>Actor</th><th>Operation</th><th>Cluster</th><th>Path</th><th>Outcome</th><th>Reason</th></tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} className={e.outcome === "failed" ? "failed" : undefined} data-testid="audit-row">
            <td><Link href={`/audit/${e.id}`}>{e.id}</Link></td>
            <td>{when(e.at)}</td>
            <td>{e.actor.name}{e.actor.provider ? <span className="muted"> ({e.actor.provider})</span> : null}</td>
            <td>{operationLabel(e.operation)}</td>
            <td>{e.cluster?.name ?? ""}</td>
            <td className="mono">{e.path ?? ""}{e.targetPath ? ` → ${e.targetPath}` : ""}</td>
            <td><OutcomeBadge outcome={e.outcome} />{e.error ? <div className="error-text">{e.error}</div> : null}</td>
            <td>{e.reason ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
