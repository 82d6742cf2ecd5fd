"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { ErrorBox } from "@/components/error-box";
import { ChangeStatusTag } from "@/components/changes/change-status";
import { useChangeRequests } from "@/lib/changes/client/use-change-requests";
import "@/components/audit/audit.css";

const STATUSES = ["", "pending", "applied", "stale", "rejected", "withdrawn", "failed"];
const KEYS = ["status", "author", "clusterId", "breakGlass"] as const;

/** The change requests the user may see, filtered in the URL; "to review" lists those waiting for this user. */
export function ChangesBrowser() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = useMemo(() => {
    const f: Record<string, string> = {};
    for (const k of KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);
  const list = useChangeRequests(filters);
  const set = (key: string, value: string) => {
    const next = { ...filters, [key]: value };
    if (!value) delete next[key];
    router.replace(`${pathname}?${new URLSearchParams(next)}`);
  };
  return (
    <div className="page">
      <div className="audit-filters" role="group" aria-label="Filters">
        <label>Status
          <select value={filters.status ?? ""} onChange={(e) => set("status", e.target.value)} aria-label="Status">
            {STATUSES.map((s) => <option key={s} value={s}>{s || "any"}</option>)}
          </select>
        </label>
        <label>Author
          <select value={filters.author ?? ""} onChange={(e) => set("author", e.target.value)} aria-label="Author">
            <option value="">anyone</option>
            <option value="me">me</option>
          </select>
        </label>
        <label><input type="checkbox" checked={filters.breakGlass === "true"} onChange={(e) => set("breakGlass", e.target.checked ? "true" : "")} /> Break glass only</label>
      </div>
      {list.isPending && <p className="muted">Loading change requests…</p>}
      {list.isError && <ErrorBox error={list.error} />}
      {list.isSuccess && list.data.changeRequests.length === 0 && <p className="muted">No change requests.</p>}
      {list.isSuccess && list.data.changeRequests.length > 0 && (
        <table className="audit-table" data-testid="change-requests">
          <thead><tr><th>#</th><th>Status</th><th>Cluster</th><th>Operation</th><th>Path</th><th>Author</th><th>Approvals</th><th>Submitted</th></tr></thead>
          <tbody>
            {list.data.changeRequests.map((r) => (
              <tr key={r.id} data-testid="change-request-row">
                <td><Link href={`/changes/${r.id}`}>#{r.id}</Link></td>
                <td><ChangeStatusTag status={r.status} breakGlass={r.breakGlass} />{r.reviewable && <span className="badge tag">to review</span>}</td>
                <td>{r.cluster.name}</td>
                <td>{r.operation} <span className="muted">({r.opCount} op{r.opCount === 1 ? "" : "s"})</span></td>
                <td className="mono">{r.path}</td>
                <td>{r.author.name}</td>
                <td>{r.approvals} / {r.requiredApprovals}</td>
                <td>{new Date(r.createdAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
