"use client";

import { useSession } from "next-auth/react";
import { ErrorBox } from "@/components/error-box";
import type { UserPatch } from "@/lib/admin/client/types";
import { useAdminUsers } from "@/lib/admin/client/use-admin-users";
import { useUpdateUser } from "@/lib/admin/client/use-update-user";
import { errorMessage } from "@/lib/core/client/api-fetch";
import { GrantList } from "./grant-list";
import { ResetPassword } from "./reset-password";
import { useClusterNames } from "./use-cluster-names";
import "@/components/audit/audit.css";

const GLOBAL_ROLES: GlobalRole[] = ["none", "viewer", "editor", "admin"];
type GlobalRole = NonNullable<UserPatch["role"]>;

export function UsersTable() {
  const users = useAdminUsers();
  const update = useUpdateUser();
  const clusterName = useClusterNames();
  const { data: session } = useSession();
  if (users.isPending) return <p className="muted">Loading users…</p>;
  if (users.isError) return <ErrorBox error={users.error} />;
  return (
    <section className="card" aria-label="Users">
      {update.error && <p className="error-text" role="alert">Could not change the user: {errorMessage(update.error)}</p>}
      <table className="audit-table" data-testid="users-table">
        <thead>
          <tr><th>User</th><th>Signs in with</th><th>Global role</th><th>Groups</th><th>Effective grants</th><th>Last sign-in</th><th>State</th></tr>
        </thead>
        <tbody>
          {users.data.map((u) => (
            <tr key={u.id} data-testid="user-row" className={u.disabled ? "failed" : undefined}>
              <td><strong>{u.username}</strong>{u.name && u.name !== u.username ? <div className="muted">{u.name}</div> : null}</td>
              <td>{u.provider}</td>
              <td>
                <select aria-label={`Global role of ${u.username}`} value={u.role} disabled={update.isPending}
                  onChange={(e) => update.mutate({ id: u.id, role: e.target.value as GlobalRole })}>
                  {GLOBAL_ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
                </select>
              </td>
              <td>
                <span className="tag-list">{u.groups.map((g) => <span key={g} className="badge tag">{g}</span>)}</span>
                {u.groupsDropped > 0 && <span className="muted"> {u.groupsDropped} more left out at the last sign-in (past the console's maximum of groups, empty, over-long or not text; see the log)</span>}
              </td>
              <td><GrantList grants={u.grants} clusterName={clusterName} /></td>
              <td>{u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString() : <span className="muted">never</span>}</td>
              <td>
                {u.disabled ? <span className="error-text">disabled </span> : <span className="ok-text">enabled </span>}
                {u.mustChangePassword && <span className="muted">must change password </span>}
                {u.provider === "credentials" && <ResetPassword id={u.id} username={u.username} />}
                {u.id !== session?.uid && (
                  <button type="button" className={u.disabled ? "button" : "button danger"} disabled={update.isPending}
                    onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}>
                    {u.disabled ? "Enable" : "Disable"}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Disabling a user ends its sessions at its next request.</p>
    </section>
  );
}
