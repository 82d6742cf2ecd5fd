"use client";

import type { AclConflict } from "@/lib/acl/client/types";
import type { AclEntry } from "@/lib/znodes/client/types";

const lines = (acl: AclEntry[]) => acl.map((e) => `${e.scheme}:${e.id}:${e.perms}`).join("\n") || "(empty)";

type Props = { conflict: AclConflict; mine: AclEntry[]; onReload: () => void; onMerge: () => void };

/** Someone changed the ACL meanwhile: show theirs next to mine; reload theirs or merge both, then save against their aversion. */
export function AclConflictPanel({ conflict, mine, onReload, onMerge }: Props) {
  return (
    <div className="editor" data-testid="acl-conflict">
      <div className="notice" role="alert">
        Someone else changed this ACL while you were editing: it is now at aversion {conflict.currentAversion}, you started from {conflict.expectedAversion}. Nothing
        was overwritten.
      </div>
      <div className="conflict-panes">
        <section className="conflict-pane"><h3>Theirs (aversion {conflict.currentAversion})</h3><pre data-testid="acl-theirs">{lines(conflict.current.acl)}</pre></section>
        <section className="conflict-pane"><h3>Yours (not saved)</h3><pre data-testid="acl-yours">{lines(mine)}</pre></section>
      </div>
      <div className="actions">
        <button type="button" className="button" onClick={onReload}>Reload theirs (discard mine)</button>
        <button type="button" className="button primary" onClick={onMerge}>Merge: mine plus their other entries</button>
      </div>
    </div>
  );
}
