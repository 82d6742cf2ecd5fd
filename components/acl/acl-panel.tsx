"use client";

import { useState } from "react";
import { AclTable } from "@/components/znodes/acl-table";
import { useAcl } from "@/lib/acl/client/use-acl";
import { AclEditor } from "./acl-editor";
import { NoAuthExplanation } from "./no-auth-explanation";
import "./acl.css";

/** The ACL tab of the znode detail pane: the ACL, who the console's session is there, and the editor for admins. */
export function AclPanel({ clusterId, path }: { clusterId: string; path: string }) {
  const acl = useAcl(clusterId, path);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  if (acl.isPending) return <p className="muted">Loading the ACL…</p>;
  if (acl.isError) return <NoAuthExplanation error={acl.error} />;
  const state = acl.data;
  return (
    <section className="acl-panel" data-testid="acl-panel" aria-label="ACL">
      <p className="acl-session muted">
        The console’s ZooKeeper session here is {state.session.identities.join(", ")} and may <code>{state.session.perms}</code>. ACL version (aversion) {state.aversion}.
      </p>
      {notice && <p className="notice ok" role="status">{notice}</p>}
      {editing ? (
        <AclEditor clusterId={clusterId} path={path} state={state} onDone={(message) => { setEditing(false); setNotice(message ?? null); }} />
      ) : (
        <>
          <AclTable acl={state.acl} />
          {state.permissions.admin && (
            <div className="actions">
              <button type="button" className="button" onClick={() => { setNotice(null); setEditing(true); }}>Edit ACL</button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
