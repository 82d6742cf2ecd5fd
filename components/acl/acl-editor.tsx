"use client";

import { useMemo, useState } from "react";
import { ReasonField } from "@/components/editing/reason-field";
import { WriteError } from "@/components/editing/write-error";
import { fromDraft, mergeAcl, newEntry, rowProblem, duplicateKeys, toDraft, type DraftEntry } from "@/lib/acl/draft";
import type { AclConflict, AclState } from "@/lib/acl/client/types";
import { useSetAcl } from "@/lib/acl/client/use-acl";
import { ApiError } from "@/lib/core/client/api-fetch";
import { AclConflictPanel } from "./acl-conflict";
import { AclRows } from "./acl-rows";
import { DigestHelper } from "./digest-helper";
import { LockoutNotice } from "./lockout-notice";
import { PresetPicker } from "./preset-picker";
import { RecursiveApplyDialog } from "./recursive-apply";

type Props = { clusterId: string; path: string; state: AclState; onDone: (message?: string) => void };

/** Edit a znode's ACL and save it at the aversion it was opened with. */
export function AclEditor({ clusterId, path, state, onDone }: Props) {
  const [entries, setEntries] = useState<DraftEntry[]>(() => toDraft(state.acl));
  const [aversion, setAversion] = useState(state.aversion);
  const [reason, setReason] = useState("");
  const [override, setOverride] = useState(false);
  const [recursive, setRecursive] = useState(false);
  const save = useSetAcl(clusterId, path);
  const acl = useMemo(() => fromDraft(entries), [entries]);
  const invalid = entries.length === 0 || entries.some((e) => rowProblem(e)) || duplicateKeys(entries).size > 0;
  const error = save.error instanceof ApiError ? save.error : null;
  const conflict = error?.code === "BAD_VERSION" ? (error.details as AclConflict) : null;
  const lockout = error?.code === "LOCKOUT" ? error : null;

  const edit = (next: DraftEntry[]) => { setEntries(next); save.reset(); };
  const submit = () => save.mutate({ acl, aversion, reason: reason.trim() || undefined, override }, {
    onSuccess: (r) => onDone(r.lockoutOverridden ? `ACL saved with the lockout guard overridden (aversion ${r.aversion})` : `ACL saved (aversion ${r.aversion})`),
  });

  return (
    <div className="editor" data-testid="acl-editor">
      <AclRows entries={entries} onChange={edit} />
      <div className="actions">
        <button type="button" className="button" onClick={() => edit([...entries, newEntry()])}>Add entry</button>
      </div>
      <div className="acl-tools">
        <DigestHelper onAdd={(id) => edit([...entries, newEntry("digest", id, "cdrwa")])} />
        <PresetPicker current={acl} canSave={state.permissions.admin} onApply={(preset) => edit(toDraft(preset))} />
      </div>
      {conflict && (
        <AclConflictPanel conflict={conflict} mine={acl}
          onReload={() => { setEntries(toDraft(conflict.current.acl)); setAversion(conflict.current.aversion); save.reset(); }}
          onMerge={() => { setEntries(mergeAcl(acl, conflict.current.acl)); setAversion(conflict.current.aversion); save.reset(); }} />
      )}
      {lockout && <LockoutNotice error={lockout} override={override} onOverride={setOverride} />}
      <ReasonField value={reason} onChange={setReason} error={save.error} />
      {!conflict && !lockout && <WriteError error={save.error} title="The ACL was not saved" />}
      <div className="actions">
        <button type="button" className="button primary" disabled={invalid || save.isPending || (override && !reason.trim())} onClick={submit}>
          {override ? "Save ACL anyway" : "Save ACL"}
        </button>
        <button type="button" className="button" disabled={invalid} onClick={() => setRecursive(true)}>Apply to subtree…</button>
        <button type="button" className="button" onClick={() => onDone()}>Cancel</button>
        <span className="muted">Saving against aversion {aversion}</span>
      </div>
      {recursive && <RecursiveApplyDialog clusterId={clusterId} path={path} acl={acl} onClose={() => setRecursive(false)} />}
    </div>
  );
}
