"use client";

import { ErrorBox } from "@/components/error-box";
import { useGroups } from "@/lib/admin/client/use-groups";
import "@/components/audit/audit.css";

/** IdP groups seen at sign-in and what each one is mapped to. */
export function GroupsTable() {
  const groups = useGroups();
  if (groups.isPending) return <p className="muted">Loading groups…</p>;
  if (groups.isError) return <ErrorBox error={groups.error} />;
  if (groups.data.length === 0) return <p className="muted">No IdP groups seen yet: they appear after the first SSO sign-in.</p>;
  return (
    <table className="audit-table card" data-testid="groups-table">
      <thead><tr><th>Group</th><th>Members seen</th><th>Mapped to</th></tr></thead>
      <tbody>
        {groups.data.map((g) => (
          <tr key={g.name} data-testid="group-row">
            <td><strong>{g.name}</strong></td>
            <td>{g.members}</td>
            <td>{g.grants.length === 0 ? <span className="muted">nothing</span> : g.grants.map((x) => `${x.role} on ${x.clusterName ?? "every cluster"}${x.pathPrefix ? ` under ${x.pathPrefix}` : ""}`).join("; ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
