"use client";

import Link from "next/link";
import { ErrorBox } from "@/components/error-box";
import { ChangeStatusTag } from "@/components/changes/change-status";
import { ChangeOps } from "@/components/changes/change-ops";
import { ReviewActions } from "@/components/changes/review-actions";
import { useChangeRequest } from "@/lib/changes/client/use-change-request";
import "@/components/audit/audit.css";

/** One change request: what it does (diff against the base and against the value now), its timeline, and what the user may do. */
export function ChangeReview({ id }: { id: number }) {
  const cr = useChangeRequest(id);
  if (cr.isPending) return <p className="muted">Loading change request #{id}…</p>;
  if (cr.isError) return <ErrorBox error={cr.error} />;
  const r = cr.data;
  return (
    <div className="page audit-detail" data-testid="change-review">
      <h1>Change request #{r.id} <ChangeStatusTag status={r.status} breakGlass={r.breakGlass} /></h1>
      <dl>
        <dt>Cluster</dt><dd>{r.cluster.name}</dd>
        <dt>Operation</dt><dd>{r.operation} of <span className="mono">{r.path}</span> ({r.opCount} znode operation{r.opCount === 1 ? "" : "s"})</dd>
        <dt>Author</dt><dd>{r.author.name}</dd>
        <dt>Reason</dt><dd>{r.reason ?? <span className="muted">none given</span>}</dd>
        <dt>Approvals</dt><dd data-testid="approvals">{r.approvals} of {r.requiredApprovals}{r.approvalList.length > 0 && ` (${r.approvalList.map((a) => a.userName).join(", ")})`}</dd>
        {r.rebasedFromId && <><dt>Rebased from</dt><dd><Link href={`/changes/${r.rebasedFromId}`}>#{r.rebasedFromId}</Link></dd></>}
      </dl>
      <ReviewActions request={r} />
      <h2>Operations</h2>
      <ChangeOps ops={r.ops} shown={r.opsShown} total={r.opCount} live={r.status === "pending" || r.status === "stale"} />
      <h2>Timeline</h2>
      <ol className="history-list" data-testid="change-timeline">
        {r.events.map((e, i) => (
          <li key={i} className="history-item">
            <div className="history-head"><strong>{e.kind.replace("_", " ")}</strong> by {e.actorName} <span className="muted">{new Date(e.at).toLocaleString()}</span></div>
            {e.comment && <div>{e.comment}</div>}
          </li>
        ))}
      </ol>
      {r.outcome && <details><summary>Outcome</summary><pre className="mono">{JSON.stringify(r.outcome, null, 2)}</pre></details>}
    </div>
  );
}
