"use client";

import { ErrorBox } from "@/components/error-box";
import type { GrantRow } from "@/lib/admin/client/types";
import { useAdminUsers } from "@/lib/admin/client/use-admin-users";
import { useDeleteGrant } from "@/lib/admin/client/use-delete-grant";
import { useGrants } from "@/lib/admin/client/use-grants";
import { errorMessage } from "@/lib/core/client/api-fetch";
import "@/components/audit/audit.css";

const EMPTY = { group: "No group mappings yet: map an IdP group to a role below.", user: "No user grants yet.", all: "No grants yet." } as const;

export function GrantsTable({ only }: { only?: "user" | "group" }) {
  const grants = useGrants();
  const users = useAdminUsers();
  const remove = useDeleteGrant();
  if (grants.isPending) return <p className="muted">Loading grants…</p>;
  if (grants.isError) return <ErrorBox error={grants.error} />;
  const rows = grants.data.filter((g) => !only || g.subjectType === only);
  const subject = (g: GrantRow) => (g.subjectType === "user" ? users.data?.find((u) => u.id === g.subject)?.username ?? g.subject : g.subject);
  return (
    <section className="card" aria-label="Grants">
      {remove.error && <p className="error-text" role="alert">Could not remove the grant: {errorMessage(remove.error)}</p>}
      {rows.length === 0 ? <p className="muted">{EMPTY[only ?? "all"]}</p> : (
        <table className="audit-table" data-testid="grants-table">
          <thead><tr><th>Subject</th><th>Role</th><th>Cluster</th><th>Under path</th><th>Added</th><th /></tr></thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.id} data-testid="grant-row">
                <td>{g.subjectType === "group" ? "group " : "user "}<strong>{subject(g)}</strong></td>
                <td>{g.role}</td>
                <td>{g.clusterName ?? "every cluster"}</td>
                <td className="mono">{g.pathPrefix ?? "whole tree"}</td>
                <td>{new Date(g.createdAt).toLocaleString()}{g.createdBy ? <span className="muted"> by {g.createdBy}</span> : null}</td>
                <td><button type="button" className="button danger" disabled={remove.isPending} onClick={() => remove.mutate(g.id)}>Remove</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
