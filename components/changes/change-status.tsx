import type { ChangeRequestRow } from "@/lib/changes/client/types";

const CLASS: Record<ChangeRequestRow["status"], string> = {
  pending: "outcome-pending", applying: "outcome-pending", applied: "outcome-ok", rejected: "outcome-failed",
  withdrawn: "outcome-unknown", stale: "outcome-failed", failed: "outcome-failed",
};

/** A request's status, and the break-glass flag of one applied without review. */
export function ChangeStatusTag({ status, breakGlass }: { status: ChangeRequestRow["status"]; breakGlass: boolean }) {
  return (
    <>
      <span className={`outcome ${CLASS[status]}`} data-testid="change-status">{status}</span>
      {breakGlass && <span className="outcome outcome-failed" data-testid="break-glass"> break glass</span>}
    </>
  );
}
