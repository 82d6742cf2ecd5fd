"use client";

import { useState, type FormEvent } from "react";
import { ErrorBox } from "@/components/error-box";
import { useChangeProtection, useProtections } from "@/lib/changes/client/use-protections";
import { useClusters } from "@/lib/clusters/client/use-clusters";
import "@/components/audit/audit.css";

/** One cluster's protected prefixes: listed, added with their number of approvals, removed. */
export function ProtectionsScreen() {
  const clusters = useClusters();
  const [clusterId, setClusterId] = useState("");
  const chosen = clusterId || clusters.data?.[0]?.id || "";
  const list = useProtections(chosen);
  const change = useChangeProtection(chosen);
  const [pathPrefix, setPrefix] = useState("");
  const [approvals, setApprovals] = useState(1);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ pathPrefix: pathPrefix.trim(), approvals }, { onSuccess: () => setPrefix("") });
  };
  if (clusters.isError) return <ErrorBox error={clusters.error} />;
  return (
    <section className="card" aria-label="Protected paths">
      <label className="field"><span>Cluster</span>
        <select value={chosen} onChange={(e) => setClusterId(e.target.value)}>
          {clusters.data?.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      {list.isError && <ErrorBox error={list.error} />}
      {list.data && (
        <table className="audit-table" data-testid="protections">
          <thead><tr><th>Path prefix</th><th>Approvals</th><th>Added by</th><th /></tr></thead>
          <tbody>
            {list.data.length === 0 && <tr><td colSpan={4} className="muted">Nothing protected on this cluster.</td></tr>}
            {list.data.map((p) => (
              <tr key={p.id}>
                <td className="mono">{p.pathPrefix}</td><td>{p.approvals}</td><td>{p.createdBy ?? ""}</td>
                <td><button type="button" className="button danger" disabled={change.isPending} onClick={() => change.mutate({ remove: p.id })}>Remove</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="form" onSubmit={submit} aria-label="Protect a path">
        <label className="field"><span>Path prefix</span><input value={pathPrefix} onChange={(e) => setPrefix(e.target.value)} placeholder="/app/config" required maxLength={4096} /></label>
        <label className="field"><span>Approvals</span>
          <select value={approvals} onChange={(e) => setApprovals(Number(e.target.value))}>{[1, 2, 3].map((n) => <option key={n} value={n}>{n}</option>)}</select>
        </label>
        <button type="submit" className="button primary" disabled={change.isPending || !chosen}>Protect</button>
      </form>
      {change.isError && <ErrorBox error={change.error} title="Not changed" />}
    </section>
  );
}
