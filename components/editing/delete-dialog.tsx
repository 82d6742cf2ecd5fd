"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { znodeKeys } from "@/lib/znodes/client/keys";
import type { Znode } from "@/lib/znodes/client/types";
import { useDeleteZnode } from "@/lib/znodes/client/use-delete-znode";
import { Modal } from "./modal";
import { isProtectedPath } from "./protected-paths";
import { ReasonField } from "./reason-field";
import { RecursiveDelete } from "./recursive-delete";
import { WriteError } from "./write-error";

type Props = { clusterId: string; znode: Znode; onClose: () => void; onDeleted: (message: string) => void };


export function DeleteDialog({ clusterId, znode, onClose, onDeleted }: Props) {
  const queryClient = useQueryClient();
  const { path } = znode;
  // The version the operator sees in this dialog is the one sent; a newer one needs a reload here.
  const [seen, setSeen] = useState(znode.stat.version);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const remove = useDeleteZnode(clusterId, { onDeleted: () => onDeleted(`Deleted ${path}`) });
  const stale = seen !== znode.stat.version;

  if (isProtectedPath(path)) {
    return (
      <Modal title={`Delete ${path}`} onClose={onClose}>
        <p className="notice" role="alert">{path === "/" ? "The root znode cannot be deleted." : `${path} belongs to ZooKeeper itself; the console does not delete it.`}</p>
      </Modal>
    );
  }
  return (
    <Modal title={`Delete ${path}`} onClose={onClose} busy={busy || remove.isPending}>
      {znode.stat.numChildren > 0 ? (
        <RecursiveDelete clusterId={clusterId} path={path} onDeleted={onDeleted} onCancel={onClose} onBusy={setBusy} />
      ) : (
        <form className="form" onSubmit={(e) => { e.preventDefault(); remove.mutate({ path, version: seen, reason: reason.trim() || undefined }); }}>
          <p>
            Delete <code>{path}</code> at version <strong>{seen}</strong>. If anyone changed it since, nothing is deleted.
          </p>
          {stale && <p className="notice">The znode is now at version {znode.stat.version}. <button type="button" className="link-button" onClick={() => { setSeen(znode.stat.version); remove.reset(); }}>Use version {znode.stat.version}</button></p>}
          <ReasonField value={reason} onChange={setReason} error={remove.error} />
          <WriteError error={remove.error} title="Not deleted" />
          {remove.isError && !stale && (
            <button type="button" className="link-button" onClick={() => queryClient.invalidateQueries({ queryKey: znodeKeys.node(clusterId, path) })}>Reload the znode</button>
          )}
          <div className="actions">
            <button type="submit" className="button danger" disabled={remove.isPending}>{remove.isPending ? "Deleting…" : "Delete"}</button>
            <button type="button" className="button" onClick={onClose} disabled={remove.isPending}>Cancel</button>
          </div>
        </form>
      )}
    </Modal>
  );
}
