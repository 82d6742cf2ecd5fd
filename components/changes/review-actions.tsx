"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorBox } from "@/components/error-box";
import type { ChangeRequestDetail } from "@/lib/changes/client/types";
import { useChangeAction } from "@/lib/changes/client/use-change-action";

/** What the user may do with the request: approve or reject (a reviewer), withdraw or rebase (its author), break glass (an admin). */
export function ReviewActions({ request }: { request: ChangeRequestDetail }) {
  const action = useChangeAction(request.id);
  const router = useRouter();
  const [comment, setComment] = useState("");
  const may = request.may;
  if (!may.approve && !may.reject && !may.withdraw && !may.rebase && !may.applyNow) return null;
  const busy = action.isPending;
  const text = comment.trim();
  return (
    <section className="card" aria-label="Review">
      <label>Comment (required to reject; the reason when breaking glass)
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={2000} aria-label="Comment" />
      </label>
      <div className="actions">
        {may.approve && <button type="button" className="button primary" disabled={busy} onClick={() => action.mutate({ action: "approve", body: text ? { comment: text } : {} })}>Approve</button>}
        {may.reject && <button type="button" className="button danger" disabled={busy || !text} onClick={() => action.mutate({ action: "reject", body: { comment: text } })}>Reject</button>}
        {may.withdraw && <button type="button" className="button" disabled={busy} onClick={() => action.mutate({ action: "withdraw", body: text ? { comment: text } : {} })}>Withdraw</button>}
        {may.rebase && (
          <button type="button" className="button" disabled={busy}
            onClick={() => action.mutate({ action: "rebase" }, { onSuccess: (next) => router.push(`/changes/${next.id}`) })}>
            Rebase onto the current values
          </button>
        )}
        {may.applyNow && <button type="button" className="button danger" disabled={busy || !text} title="Apply now without the approvals (an admin, with a reason; flagged in the audit trail)" onClick={() => action.mutate({ action: "apply-now", body: { reason: text } })}>Break glass: apply now</button>}
      </div>
      {action.isError && <ErrorBox error={action.error} title="Could not do that" />}
    </section>
  );
}
