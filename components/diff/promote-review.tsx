"use client";

import { useEffect, useState } from "react";
import { Modal } from "@/components/editing/modal";
import { ErrorBox } from "@/components/error-box";
import type { DiffSides } from "@/lib/diff/client/urls";
import { usePromoteApply, usePromotePlan } from "@/lib/promote/client/use-promote";

const MAX_LISTED = 500;
const VERB = { create: "create", set: "set value", setAcl: "set ACL", delete: "delete" } as const;

/**
 * The review step of a promotion: the dry run's plan (each write on the right with the version it
 * expects), then its apply, which the server checks against that plan: a node changed meanwhile
 * is a conflict and nothing is overwritten.
 */
export function PromoteReview({ sides, paths, deleteExtra, onClose }: { sides: DiffSides; paths?: string[]; deleteExtra: boolean; onClose: (applied: boolean) => void }) {
  const plan = usePromotePlan(sides);
  const apply = usePromoteApply(sides);
  const [reason, setReason] = useState("");
  const { mutate } = plan;
  useEffect(() => mutate({ paths, deleteExtra }), [mutate, paths, deleteExtra]);
  const p = plan.data;
  const r = apply.data;
  return (
    <Modal title="Review the promotion" onClose={() => onClose(!!r)} busy={apply.isPending} wide>
      {plan.isPending && <p className="muted">Planning…</p>}
      {plan.isError && <ErrorBox error={plan.error} />}
      {p && !r && (
        <>
          <p data-testid="promote-summary">
            On the right: {p.creates} to create, {p.updates} to update, {p.deletes} to delete{p.truncated ? " (the plan stopped at its node limit)" : ""}.
          </p>
          {p.ops.length > 0 && (
            <table className="promote-ops" data-testid="promote-plan">
              <thead><tr><th>Write</th><th>Path on the right</th><th>Expected version</th></tr></thead>
              <tbody>
                {p.ops.slice(0, MAX_LISTED).map((o) => <tr key={`${o.op} ${o.path}`}><td>{VERB[o.op]}</td><td><code>{o.path}</code></td><td>{o.version ?? "new"}</td></tr>)}
              </tbody>
            </table>
          )}
          {p.ops.length > MAX_LISTED && <p className="muted">and {p.ops.length - MAX_LISTED} more.</p>}
          {p.skipped.length > 0 && <ul className="muted">{p.skipped.map((s) => <li key={s.path}><code>{s.path}</code>: {s.why}</li>)}</ul>}
          <label className="field"><span>Reason</span><input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="why (kept in the audit trail)" /></label>
          {apply.isError && <ErrorBox error={apply.error} />}
          <div className="actions">
            <button type="button" className="button primary" disabled={p.ops.length === 0 || apply.isPending} onClick={() => apply.mutate({ paths, deleteExtra, plan: p.ops, reason })}>
              {apply.isPending ? "Applying…" : `Apply ${p.ops.length} write${p.ops.length === 1 ? "" : "s"}`}
            </button>
            <button type="button" className="button" disabled={apply.isPending} onClick={() => onClose(false)}>Cancel</button>
          </div>
        </>
      )}
      {r && (
        <div data-testid="promote-result">
          <p role="status">Applied {r.applied} of {r.total} writes{r.batches > 1 ? ` in ${r.batches} batches` : ""}.</p>
          {r.conflicts.length > 0 && (
            <div className="error-box" role="alert">
              <strong>Not applied: changed since the plan</strong>
              <ul>{r.conflicts.map((c) => <li key={`${c.op} ${c.path}`}><code>{c.path}</code>: {c.message}</li>)}</ul>
            </div>
          )}
          <div className="actions"><button type="button" className="button" onClick={() => onClose(true)}>Close</button></div>
        </div>
      )}
    </Modal>
  );
}
