"use client";

import { useState, type FormEvent } from "react";
import { ErrorBox } from "@/components/error-box";
import { errorMessage } from "@/lib/core/client/api-fetch";
import type { ReconfigChange } from "@/lib/ensemble/client/types";
import { useEnsembleConfig } from "@/lib/ensemble/client/use-ensemble-config";
import { useApplyReconfig, useReconfigPlan } from "@/lib/ensemble/client/use-reconfig";
import "./ensemble.css";

type Kind = ReconfigChange["change"];
const EMPTY_NEW = { id: "", host: "", quorumPort: "2888", electionPort: "3888", clientPort: "2181", observer: false };

/** Dynamic reconfiguration: review the proposed config and the quorum guardrail, then apply (admins). */
export function ReconfigPanel({ clusterId, canAdmin }: { clusterId: string; canAdmin: boolean }) {
  const config = useEnsembleConfig(clusterId);
  const plan = useReconfigPlan(clusterId);
  const apply = useApplyReconfig(clusterId);
  const [kind, setKind] = useState<Kind>("add");
  const [serverId, setServerId] = useState("");
  const [added, setAdded] = useState(EMPTY_NEW);
  const [reason, setReason] = useState("");
  const [change, setChange] = useState<ReconfigChange | null>(null);

  function review(e: FormEvent) {
    e.preventDefault();
    apply.reset();
    const c: ReconfigChange = kind === "add"
      ? { change: "add", server: { id: Number(added.id), host: added.host.trim(), quorumPort: Number(added.quorumPort), electionPort: Number(added.electionPort), clientPort: Number(added.clientPort), observer: added.observer } }
      : { change: kind, id: Number(serverId) };
    setChange(c);
    plan.mutate(c);
  }

  if (config.isError) return <section className="card en-section"><h2>Membership</h2><ErrorBox error={config.error} /></section>;
  const servers = config.data?.servers ?? [];
  const p = plan.data;
  return (
    <section className="card en-section" aria-label="Reconfigure">
      <h2>Membership (dynamic reconfiguration)</h2>
      {config.data && <pre className="en-pre" data-testid="current-config">{[...config.data.lines, `version=${config.data.version}`].join("\n")}</pre>}
      {config.data?.version === "0" && (
        <p className="muted">Version 0 usually means a static configuration: ZooKeeper refuses reconfiguration unless every member runs with reconfigEnabled=true (3.5+).</p>
      )}
      <form className="form" onSubmit={review}>
        <div className="fields">
          <label className="field"><span>Change</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              <option value="add">add a member</option>
              <option value="remove">remove a member</option>
              <option value="to-observer">participant → observer</option>
              <option value="to-participant">observer → participant</option>
            </select>
          </label>
          {kind === "add" ? (
            <>
              <label className="field"><span>Server id</span><input type="number" min={1} max={255} value={added.id} onChange={(e) => setAdded({ ...added, id: e.target.value })} required /></label>
              <label className="field"><span>Host</span><input value={added.host} onChange={(e) => setAdded({ ...added, host: e.target.value })} required /></label>
              <label className="field"><span>Quorum port</span><input type="number" value={added.quorumPort} onChange={(e) => setAdded({ ...added, quorumPort: e.target.value })} required /></label>
              <label className="field"><span>Election port</span><input type="number" value={added.electionPort} onChange={(e) => setAdded({ ...added, electionPort: e.target.value })} required /></label>
              <label className="field"><span>Client port</span><input type="number" value={added.clientPort} onChange={(e) => setAdded({ ...added, clientPort: e.target.value })} required /></label>
              <label className="field checkbox"><input type="checkbox" checked={added.observer} onChange={(e) => setAdded({ ...added, observer: e.target.checked })} /><span>observer</span></label>
            </>
          ) : (
            <label className="field"><span>Server</span>
              <select value={serverId} onChange={(e) => setServerId(e.target.value)} required>
                <option value="">choose…</option>
                {servers.map((s) => <option key={s.id} value={s.id}>server {s.id} ({s.host}, {s.role})</option>)}
              </select>
            </label>
          )}
        </div>
        <div className="actions"><button type="submit" className="button" disabled={plan.isPending}>Review change</button></div>
        {kind === "add" && <p className="muted">Start the new server first, with a dynamic config listing the current members and itself; it syncs as a learner and is then added.</p>}
      </form>
      {plan.isError && <ErrorBox error={plan.error} />}
      {p && change && (
        <div className="en-section" data-testid="reconfig-plan">
          <div className="en-columns">
            <div><h3>Current (version {p.currentVersion})</h3><pre className="en-pre">{p.current.join("\n")}</pre></div>
            <div><h3>Proposed</h3><pre className="en-pre">{p.proposed.join("\n")}</pre></div>
          </div>
          <p>{p.voters.before} → {p.voters.after} voting members; {p.voters.upAfter} up, {p.voters.neededAfter} needed; tolerates {p.voters.toleratesAfter} failure(s) afterwards.</p>
          {p.errors.length > 0 && <ul className="en-errors">{p.errors.map((x) => <li key={x}>{x}</li>)}</ul>}
          {p.warnings.length > 0 && <ul className="en-warnings">{p.warnings.map((x) => <li key={x}>{x}</li>)}</ul>}
          {!canAdmin ? <p className="muted">Only an admin of this cluster can apply a reconfiguration.</p> : p.errors.length === 0 && (
            <div className="actions">
              <input aria-label="Reason" placeholder="reason (recorded in the audit trail)" value={reason} onChange={(e) => setReason(e.target.value)} />
              <button type="button" className="button danger" disabled={apply.isPending} onClick={() => apply.mutate({ change, fromVersion: p.currentVersion, reason: reason || undefined })}>Apply reconfiguration</button>
            </div>
          )}
          {apply.isError && <p className="error-text" role="alert">{errorMessage(apply.error)}</p>}
          {apply.isSuccess && <div><p className="ok-text">Applied. The ensemble now runs:</p><pre className="en-pre">{apply.data.config}</pre></div>}
        </div>
      )}
    </section>
  );
}
