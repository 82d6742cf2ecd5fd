"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/core/client/api-fetch";
import { useForceRelease } from "@/lib/recipes/client/use-force-release";

/** Confirm a force release: say what it does to the owner, ask for a reason (audited). */
export function ForceReleaseDialog({ clusterId, path, version, sessionId, onClose }: { clusterId: string; path: string; version: number; sessionId: string | null; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const release = useForceRelease(clusterId);
  return (
    <div className="rc-dialog" role="dialog" aria-label={`Force release ${path}`}>
      <strong>Force release {path}</strong>
      <p>
        This deletes the lock node (version {version}). Its owner{sessionId ? <> (session <code>{sessionId}</code>)</> : null} is not told:
        if it is still alive it goes on believing it holds the lock while the next waiter takes it. Use it for a holder that is stuck or gone.
      </p>
      <label className="field"><span>Reason (recorded in the audit trail)</span>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
      <div className="actions">
        <button type="button" className="button danger" disabled={!reason.trim() || release.isPending} onClick={() => release.mutate({ path, version, reason }, { onSuccess: onClose })}>Delete lock node</button>
        <button type="button" className="button" onClick={onClose}>Cancel</button>
      </div>
      {release.isError && <p className="error-text" role="alert">{errorMessage(release.error)}</p>}
    </div>
  );
}
