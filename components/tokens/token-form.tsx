"use client";

import { useState, type FormEvent } from "react";
import { useIsAdmin } from "@/components/clusters/use-is-admin";
import { useClusters } from "@/lib/clusters/client/use-clusters";
import { errorMessage } from "@/lib/core/client/api-fetch";
import type { CreatedToken } from "@/lib/tokens/client/types";
import { useCreateToken } from "@/lib/tokens/client/use-create-token";
import { useServiceAccounts } from "@/lib/tokens/client/use-service-accounts";

type Draft = { name: string; role: "" | "viewer" | "editor" | "admin"; clusterId: string; pathPrefix: string; readOnly: boolean; metrics: boolean; expiresInDays: string; serviceAccountId: string };
const EMPTY: Draft = { name: "", role: "viewer", clusterId: "", pathPrefix: "", readOnly: false, metrics: false, expiresInDays: "30", serviceAccountId: "" };

/** Make a token: for yourself, or (admins) for a service account; `onCreated` gets the secret once. */
export function TokenForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const isAdmin = useIsAdmin();
  const clusters = useClusters();
  const accounts = useServiceAccounts(isAdmin);
  const create = useCreateToken();
  const [d, setD] = useState<Draft>(EMPTY);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({
      name: d.name, role: d.role || null, clusterId: d.clusterId || null, pathPrefix: d.clusterId && d.pathPrefix ? d.pathPrefix.trim() : null,
      readOnly: d.readOnly, metrics: d.metrics, expiresInDays: Number(d.expiresInDays), serviceAccountId: d.serviceAccountId || null,
    }, { onSuccess: (created) => { setD(EMPTY); onCreated(created); } });
  }

  return (
    <form className="form card" onSubmit={submit} aria-label="Make a token">
      <h2>Make a token</h2>
      <p className="muted">A token can never do more than its user: its scope is cut down to the user&apos;s grants at every request.</p>
      <div className="fields">
        <label className="field"><span>Name</span><input value={d.name} onChange={(e) => set("name", e.target.value)} required maxLength={64} placeholder="deploy pipeline" /></label>
        {isAdmin && (
          <label className="field">
            <span>For</span>
            <select value={d.serviceAccountId} onChange={(e) => set("serviceAccountId", e.target.value)}>
              <option value="">myself</option>
              {accounts.data?.filter((a) => !a.disabled).map((a) => <option key={a.id} value={a.id}>service account {a.username}</option>)}
            </select>
          </label>
        )}
        <label className="field">
          <span>At most</span>
          <select value={d.role} onChange={(e) => set("role", e.target.value as Draft["role"])}>
            <option value="viewer">viewer (read)</option>
            <option value="editor">editor (write data)</option>
            <option value="admin">admin</option>
            {isAdmin && <option value="">nothing but /metrics</option>}
          </select>
        </label>
        <label className="field">
          <span>Cluster</span>
          <select value={d.clusterId} onChange={(e) => set("clusterId", e.target.value)}>
            <option value="">every cluster</option>
            {clusters.data?.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label className="field"><span>Only under path</span><input value={d.pathPrefix} onChange={(e) => set("pathPrefix", e.target.value)} placeholder="/app/config (optional)" disabled={!d.clusterId} /></label>
        <label className="field"><span>Expires in days</span><input type="number" min={1} max={366} value={d.expiresInDays} onChange={(e) => set("expiresInDays", e.target.value)} required /></label>
        <label className="field checkbox"><input type="checkbox" checked={d.readOnly} onChange={(e) => set("readOnly", e.target.checked)} /> <span>read-only (GET requests only)</span></label>
        {isAdmin && <label className="field checkbox"><input type="checkbox" checked={d.metrics} onChange={(e) => set("metrics", e.target.checked)} /> <span>may scrape /metrics</span></label>}
      </div>
      {create.error && <p className="error-text" role="alert">{errorMessage(create.error)}</p>}
      <div className="actions"><button type="submit" className="button primary" disabled={create.isPending}>Make token</button></div>
    </form>
  );
}
