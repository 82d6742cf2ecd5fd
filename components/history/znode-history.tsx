"use client";

import Link from "next/link";
import { useState } from "react";
import { ErrorBox } from "@/components/error-box";
import { OutcomeBadge } from "@/components/audit/outcome-badge";
import { operationLabel } from "@/components/audit/operations";
import { ValueDiff } from "@/components/audit/value-diff";
import { gapText, withGaps } from "@/lib/audit/client/history-gaps";
import type { HistoryEntry } from "@/lib/audit/client/types";
import { useRestoreVersion } from "@/lib/audit/client/use-restore-version";
import { useZnodeHistory } from "@/lib/audit/client/use-znode-history";
import { errorMessage } from "@/lib/core/client/api-fetch";
import { formatDateTime } from "@/lib/core/client/format";
import type { Znode } from "@/lib/znodes/client/types";
import "@/components/audit/audit.css";

type Props = { clusterId: string; path: string; znode: Znode };
type Pending = { entry: HistoryEntry; side: "before" | "after" };

/**
 * The znode's audited changes, newest first, each with its diff and a version-checked restore;
 * where the version moved without the console (seen from the Stat), a gap says so.
 */
export function ZnodeHistory({ clusterId, path, znode }: Props) {
  const history = useZnodeHistory(clusterId, path);
  const restore = useRestoreVersion(clusterId, path);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const canWrite = znode.permissions.write;

  function confirm() {
    if (!pending) return;
    restore.mutate(
      { recordId: pending.entry.id, side: pending.side, version: znode.stat.version, reason: reason.trim() || undefined },
      { onSuccess: (r) => { setDone(`Restored: ${path} is now at version ${r.stat.version}.`); setPending(null); setReason(""); } },
    );
  }

  if (history.isPending) return <p className="muted">Loading history…</p>;
  if (history.isError) return <ErrorBox error={history.error} />;
  return (
    <section aria-label="History" data-testid="znode-history">
      {done && <p className="ok-text" role="status">{done}</p>}
      {history.data.length === 0 && <p className="muted">No audited changes of this znode yet.</p>}
      <ol className="history-list">
        {withGaps(path, history.data, znode.stat.version).map((item) => item.kind === "gap" ? (
          <li key={`gap-${item.from}-${item.to}`} className="history-gap" data-testid="history-gap">{gapText(item)}</li>
        ) : (
          renderEntry(item.entry)
        ))}
      </ol>
    </section>
  );

  // A render function, not a component: the confirm form's input keeps its focus across renders.
  function renderEntry(e: HistoryEntry) {
    return (
          <li key={e.id} className="history-item" data-testid="history-entry">
            <div className="history-head">
              <Link href={`/audit/${e.id}`}>#{e.id}</Link>
              <span>{formatDateTime(e.at)}</span>
              <strong>{operationLabel(e.operation)}</strong>
              <span>by {e.actor.name}</span>
              <OutcomeBadge outcome={e.outcome} />
              <span className="muted">version {e.before.version ?? "—"} → {e.after.version ?? "—"}</span>
              {e.reason && <span className="muted">“{e.reason}”</span>}
            </div>
            {e.outcome === "failed" ? (
              // A refused write changed nothing: its "before" is the value that stayed, not a removal.
              <p className="error-text">Nothing was written{e.error ? `: ${e.error}` : "."}</p>
            ) : (
              <>
                {e.error && <p className="error-text">{e.error}</p>}
                {(e.before.data !== null || e.after.data !== null) && <ValueDiff before={e.before.data} after={e.after.data} />}
              </>
            )}
            {canWrite && (e.restorable.after || e.restorable.before) && (
              <div className="actions">
                {e.restorable.after && <button type="button" className="button" onClick={() => setPending({ entry: e, side: "after" })}>Restore this version</button>}
                {e.restorable.before && <button type="button" className="button" onClick={() => setPending({ entry: e, side: "before" })}>Restore the value before this change</button>}
              </div>
            )}
            {pending?.entry.id === e.id && (
              <div className="form card" role="group" aria-label="Confirm restore">
                <p>
                  Write the value {pending.side === "after" ? "this change wrote" : "from before this change"} back to <code>{path}</code>, only if it is still at version {znode.stat.version}.
                </p>
                <label className="field">
                  <span>Reason <span className="muted">(required on prod clusters, kept in the audit trail)</span></span>
                  <input value={reason} onChange={(ev) => setReason(ev.target.value)} maxLength={1000} />
                </label>
                {restore.error && <p className="error-text" role="alert">{errorMessage(restore.error)}</p>}
                <div className="actions">
                  <button type="button" className="button primary" onClick={confirm} disabled={restore.isPending}>Restore</button>
                  <button type="button" className="button" onClick={() => { setPending(null); restore.reset(); }}>Cancel</button>
                </div>
              </div>
            )}
          </li>
    );
  }
}
