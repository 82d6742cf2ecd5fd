"use client";

import { useState, type FormEvent } from "react";
import type { AuditFilters } from "@/lib/audit/client/types";
import { useClusters } from "@/lib/clusters/client/use-clusters";
import { OPERATIONS } from "./operations";

type Props = { value: AuditFilters; onChange: (filters: AuditFilters) => void };

const FIELDS = ["actor", "clusterId", "pathPrefix", "operation", "outcome", "from", "to"] as const;

/** datetime-local values are local time; the API wants ISO instants. */
const toIso = (local: string) => (local ? new Date(local).toISOString() : "");
const toLocal = (iso?: string) => {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export function AuditFiltersForm({ value, onChange }: Props) {
  const clusters = useClusters();
  const [draft, setDraft] = useState<AuditFilters>({ ...value, from: toLocal(value.from), to: toLocal(value.to) });
  const set = (k: keyof AuditFilters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: AuditFilters = {};
    for (const k of FIELDS) {
      const v = k === "from" || k === "to" ? toIso(draft[k] ?? "") : (draft[k] ?? "").trim();
      if (v) next[k] = v;
    }
    onChange(next);
  }

  return (
    <form className="audit-filters card" onSubmit={submit} aria-label="Filter the audit trail">
      <label className="field"><span>Actor</span><input value={draft.actor ?? ""} onChange={set("actor")} placeholder="name or id" /></label>
      <label className="field">
        <span>Cluster</span>
        <select value={draft.clusterId ?? ""} onChange={set("clusterId")}>
          <option value="">any</option>
          {clusters.data?.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      <label className="field"><span>Path prefix</span><input value={draft.pathPrefix ?? ""} onChange={set("pathPrefix")} placeholder="/app/config" /></label>
      <label className="field">
        <span>Operation</span>
        <select value={draft.operation ?? ""} onChange={set("operation")}>
          <option value="">any</option>
          {OPERATIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
      <label className="field">
        <span>Outcome</span>
        <select value={draft.outcome ?? ""} onChange={set("outcome")}>
          <option value="">any</option>
          <option value="ok">ok</option>
          <option value="failed">failed</option>
          <option value="unknown">unknown (connection lost mid-write)</option>
          <option value="pending">pending</option>
        </select>
      </label>
      <label className="field"><span>From</span><input type="datetime-local" value={draft.from ?? ""} onChange={set("from")} /></label>
      <label className="field"><span>To</span><input type="datetime-local" value={draft.to ?? ""} onChange={set("to")} /></label>
      <div className="actions">
        <button type="submit" className="button primary">Apply filters</button>
        <button type="button" className="button" onClick={() => { setDraft({}); onChange({}); }}>Clear</button>
      </div>
    </form>
  );
}
