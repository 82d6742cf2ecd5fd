"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { ErrorBox } from "@/components/error-box";
import type { AuditFilters } from "@/lib/audit/client/types";
import { auditUrls } from "@/lib/audit/client/urls";
import { useAuditEntries } from "@/lib/audit/client/use-audit-entries";
import { AuditFiltersForm } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import "@/components/audit/audit.css";

const KEYS = ["actor", "clusterId", "pathPrefix", "operation", "outcome", "from", "to"] as const;

/** The audit trail with its filters kept in the URL, so a filtered view can be shared. */
export function AuditBrowser() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = useMemo(() => {
    const f: AuditFilters = {};
    for (const k of KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);
  const audit = useAuditEntries(filters);
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];

  const apply = (next: AuditFilters) => router.replace(`${pathname}?${new URLSearchParams(next as Record<string, string>)}`);

  return (
    <div className="page">
      <AuditFiltersForm key={JSON.stringify(filters)} value={filters} onChange={apply} />
      <div className="actions">
        <a className="button" href={auditUrls.export(filters, "csv")} download>Export CSV</a>
        <a className="button" href={auditUrls.export(filters, "json")} download>Export JSON</a>
      </div>
      {audit.isPending && <p className="muted">Loading the audit trail…</p>}
      {audit.isError && <ErrorBox error={audit.error} />}
      {audit.isSuccess && <AuditTable entries={entries} />}
      {audit.hasNextPage && (
        <button type="button" className="button" onClick={() => audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {audit.isFetchingNextPage ? "Loading…" : "Load older records"}
        </button>
      )}
    </div>
  );
}
