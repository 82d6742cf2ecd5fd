"use client";

import { useId, useState } from "react";
import { useDeleteSubtree } from "@/lib/znodes/client/use-delete-subtree";
import { useSubtreePreview } from "@/lib/znodes/client/use-subtree-preview";
import { ReasonField } from "./reason-field";
import { SubtreePreview } from "./subtree-preview";
import { WriteError } from "./write-error";

type Props = { clusterId: string; path: string; onDeleted: (message: string) => void; onCancel: () => void; onBusy: (busy: boolean) => void };

/** Recursive delete: a preview of what goes, then the path typed out to confirm. */
export function RecursiveDelete({ clusterId, path, onDeleted, onCancel, onBusy }: Props) {
  const confirmId = useId();
  const [typed, setTyped] = useState("");
  const [reason, setReason] = useState("");
  const preview = useSubtreePreview(clusterId, path);
  const remove = useDeleteSubtree(clusterId, { onDeleted: (r) => onDeleted(`Deleted ${r.deleted.toLocaleString("en-US")} znodes under ${path}`) });
  const matches = typed === path;

  function submit() {
    onBusy(true);
    remove.mutate(
      { path, confirm: typed, reason: reason.trim() || undefined },
      { onSettled: () => onBusy(false) },
    );
  }
  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); if (matches) submit(); }}>
      <SubtreePreview clusterId={clusterId} path={path} />
      <label className="field" htmlFor={confirmId}>
        <span>Type the path <code>{path}</code> to confirm</span>
        <input id={confirmId} className="confirm-input" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} aria-invalid={typed !== "" && !matches ? true : undefined} />
      </label>
      <ReasonField value={reason} onChange={setReason} error={remove.error} />
      <WriteError error={remove.error} title="The recursive delete failed" />
      <div className="actions">
        <button type="submit" className="button danger" disabled={!matches || !preview.isSuccess || remove.isPending}>
          {remove.isPending ? "Deleting…" : preview.isSuccess ? `Delete ${preview.data.count.toLocaleString("en-US")} znodes` : "Delete recursively"}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={remove.isPending}>Cancel</button>
      </div>
    </form>
  );
}
