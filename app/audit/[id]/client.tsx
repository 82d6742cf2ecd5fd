"use client";

import Link from "next/link";
import { ErrorBox } from "@/components/error-box";
import { useAuditEntry } from "@/lib/audit/client/use-audit-entry";
import { znodeHref } from "@/lib/znodes/client/znode-path";
import { OutcomeBadge } from "@/components/audit/outcome-badge";
import { operationLabel } from "@/components/audit/operations";
import { ValueDiff } from "@/components/audit/value-diff";
import "@/components/audit/audit.css";

export function AuditEntryView({ id }: { id: number }) {
  const entry = useAuditEntry(id);
  if (entry.isPending) return <p className="muted">Loading record {id}…</p>;
  if (entry.isError) return <ErrorBox error={entry.error} />;
  const e = entry.data;
  const rows: [string, React.ReactNode][] = [
    ["Time", new Date(e.at).toLocaleString()],
    ["Finished", e.finishedAt ? new Date(e.finishedAt).toLocaleString() : "not recorded (the console stopped before the outcome)"],
    ["Actor", `${e.actor.name}${e.actor.provider ? ` (${e.actor.provider})` : ""}${e.actor.id ? ` · id ${e.actor.id}` : ""}`],
    ["Source address", e.sourceIp ?? "unknown"],
    ["Operation", operationLabel(e.operation)],
    ["Cluster", e.cluster ? `${e.cluster.name ?? ""} (${e.cluster.id})` : "—"],
    ["Path", e.path && e.cluster ? <Link href={znodeHref(e.cluster.id, e.path)} className="mono">{e.path}</Link> : e.path ?? "—"],
    ["Target path", e.targetPath ?? "—"],
    ["Outcome", <><OutcomeBadge outcome={e.outcome} /> {e.error ? <span className="error-text">{e.error}</span> : null}</>],
    ["Reason", e.reason ?? "—"],
    ["Versions", `${e.before.version ?? "—"} → ${e.after.version ?? "—"}`],
    ["Request id", <span className="mono">{e.requestId}</span>],
    ["Hash before", <span className="hash">{e.before.hash ?? "—"}</span>],
    ["Hash after", <span className="hash">{e.after.hash ?? "—"}</span>],
    ["Record hash", <span className="hash">{e.hash ?? "—"}</span>],
  ];
  return (
    <div className="page audit-detail" data-testid="audit-entry">
      <h1>Audit record {e.id}</h1>
      <section className="card">
        <dl>{rows.map(([k, v]) => <div key={k} style={{ display: "contents" }}><dt>{k}</dt><dd>{v}</dd></div>)}</dl>
      </section>
      <section className="card">
        <h2>Before and after</h2>
        <ValueDiff before={e.before.data} after={e.after.data} />
      </section>
      {e.details && (
        <section className="card">
          <h2>Details</h2>
          <pre className="znode-data">{JSON.stringify(e.details, null, 2)}</pre>
        </section>
      )}
    </div>
  );
}
