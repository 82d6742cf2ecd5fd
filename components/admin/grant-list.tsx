import type { GrantRef } from "@/lib/admin/client/types";

/** "editor on prod under /app/config (group ops)" – one line per grant. */
export function grantText(g: GrantRef, clusterName: (id: string) => string): string {
  const where = g.clusterId ? `on ${clusterName(g.clusterId)}` : "everywhere";
  return `${g.role} ${where}${g.pathPrefix ? ` under ${g.pathPrefix}` : ""}`;
}

export function GrantList({ grants, clusterName }: { grants: GrantRef[]; clusterName: (id: string) => string }) {
  if (grants.length === 0) return <span className="muted">no access</span>;
  return (
    <ul className="grant-list">
      {grants.map((g, i) => (
        <li key={i}>{grantText(g, clusterName)}{g.via ? <span className="muted"> ({g.via})</span> : null}</li>
      ))}
    </ul>
  );
}
