"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { parentPath } from "@/lib/znodes/client/refresh";
import type { Znode } from "@/lib/znodes/client/types";
import { useZnodeHref } from "@/components/clusters/cluster-context";
import { useShortcutAction } from "@/components/shortcuts/shortcut-events";
import { ExportButton } from "./export-button";
import { isProtectedPath, isZookeeperTree } from "./protected-paths";
import "./editing.css";

// The dialogs (and the editor's parsers they use) load on first use, not with the browser.
const loading = () => <span className="muted" role="status">Loading…</span>;
const CopyMoveDialog = dynamic(() => import("./copy-move-dialog").then((m) => m.CopyMoveDialog), { ssr: false, loading });
const CreateDialog = dynamic(() => import("./create-dialog").then((m) => m.CreateDialog), { ssr: false, loading });
const DeleteDialog = dynamic(() => import("./delete-dialog").then((m) => m.DeleteDialog), { ssr: false, loading });
const ImportDialog = dynamic(() => import("./import-dialog").then((m) => m.ImportDialog), { ssr: false, loading });

type Dialog = "create" | "delete" | "copy" | "import" | null;
type Props = { clusterId: string; znode: Znode; maxBytes: number; editing: boolean; onEdit: () => void; onNotice: (message: string, at: string) => void };

/** Actions on the current znode; the write actions only for users who may write here. */
export function ZnodeToolbar({ clusterId, znode, maxBytes, editing, onEdit, onNotice }: Props) {
  const znodeHref = useZnodeHref();
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { path } = znode;
  const canWrite = znode.permissions.write && !isZookeeperTree(path);
  const close = () => setDialog(null);
  useShortcutAction("new-child", () => setDialog("create"), canWrite);

  return (
    <div className="znode-toolbar" role="toolbar" aria-label="Znode actions">
      {canWrite ? (
        <>
          <button type="button" className="button" onClick={onEdit} disabled={editing} aria-keyshortcuts="e">Edit data</button>
          <button type="button" className="button" onClick={() => setDialog("create")} aria-keyshortcuts="n">New child</button>
          {!isProtectedPath(path) && <button type="button" className="button" onClick={() => setDialog("copy")}>Copy / move</button>}
          <button type="button" className="button" onClick={() => setDialog("import")}>Import</button>
          {!isProtectedPath(path) && <button type="button" className="button danger" onClick={() => setDialog("delete")}>Delete</button>}
        </>
      ) : (
        <span className="muted" data-testid="read-only-note">{znode.permissions.write ? "ZooKeeper's own tree is read-only here." : "You can browse but not change znodes here."}</span>
      )}
      <span className="spacer" />
      <ExportButton clusterId={clusterId} path={path} />
      {dialog === "create" && <CreateDialog clusterId={clusterId} parent={path} maxBytes={maxBytes} onClose={close} />}
      {dialog === "import" && <ImportDialog clusterId={clusterId} path={path} onClose={close} />}
      {dialog === "delete" && (
        <DeleteDialog clusterId={clusterId} znode={znode} onClose={close} onDeleted={(message) => { close(); onNotice(message, parentPath(path)); router.push(znodeHref(parentPath(path))); }} />
      )}
      {dialog === "copy" && (
        <CopyMoveDialog clusterId={clusterId} path={path} onClose={(moved) => {
            close();
            if (!moved) return;
            if (moved.clusterId === clusterId) onNotice(`Moved ${path} to ${moved.path}`, moved.path);
            router.push(znodeHref(moved.path, moved.clusterId));
          }} />
      )}
    </div>
  );
}
