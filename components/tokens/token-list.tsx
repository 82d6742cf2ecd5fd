"use client";

import { ErrorBox } from "@/components/error-box";
import { errorMessage } from "@/lib/core/client/api-fetch";
import type { ApiTokenRow } from "@/lib/tokens/client/types";
import { useRevokeToken } from "@/lib/tokens/client/use-revoke-token";
import { useTokens } from "@/lib/tokens/client/use-tokens";
import "@/components/audit/audit.css";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");
const scope = (t: ApiTokenRow) =>
  [t.role ?? "no API rights", t.clusterName ? `on ${t.clusterName}` : t.clusterId ? "on a removed cluster" : "on every cluster", t.pathPrefix ? `under ${t.pathPrefix}` : null, t.readOnly ? "read-only" : null, t.metrics ? "metrics" : null]
    .filter(Boolean).join(", ");

/** Your tokens (admins: and the service accounts'), with revoke. Names are untrusted text: rendered as text. */
export function TokenList() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  if (tokens.isPending) return <p className="muted">Loading tokens…</p>;
  if (tokens.isError) return <ErrorBox error={tokens.error} />;
  return (
    <section className="card" aria-label="Tokens">
      {revoke.error && <p className="error-text" role="alert">Could not revoke the token: {errorMessage(revoke.error)}</p>}
      {tokens.data.length === 0 ? <p className="muted">No tokens yet.</p> : (
        <table className="audit-table" data-testid="tokens-table">
          <thead><tr><th>Name</th><th>Of</th><th>Scope</th><th>Status</th><th>Expires</th><th>Last used</th><th /></tr></thead>
          <tbody>
            {tokens.data.map((t) => (
              <tr key={t.id} data-testid="token-row">
                <td><strong>{t.name}</strong> <span className="mono muted">{t.hint}…</span></td>
                <td>{t.owner.serviceAccount ? "service account " : ""}{t.owner.username}</td>
                <td>{scope(t)}</td>
                <td><span className="badge tag">{t.status}</span></td>
                <td>{when(t.expiresAt)}</td>
                <td>{when(t.lastUsedAt)}{t.lastUsedIp ? <span className="muted"> from {t.lastUsedIp}</span> : null}</td>
                <td>{t.status === "active" && <button type="button" className="button danger" disabled={revoke.isPending} onClick={() => revoke.mutate(t.id)}>Revoke</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
