"use client";

import Link from "next/link";
import { ErrorBox } from "@/components/error-box";
import { useVerifyAudit } from "@/lib/audit/client/use-verify-audit";

export function VerifyAudit() {
  const verify = useVerifyAudit();
  const r = verify.data;
  return (
    <section className="card form" aria-label="Audit trail integrity">
      <h2>Audit trail integrity</h2>
      <p className="muted">Every record carries a hash over its content and the previous record&apos;s hash. Verification walks the whole chain.</p>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? "Verifying…" : "Verify the audit trail"}
        </button>
      </div>
      {verify.isError && <ErrorBox error={verify.error} />}
      {r?.ok === true && <p className="ok-text" role="status" data-testid="verify-result">Intact: {r.checked} records checked{r.headHash ? `, head hash ${r.headHash.slice(0, 16)}…` : ""}.</p>}
      {r?.ok === false && (
        <p className="error-text" role="alert" data-testid="verify-result">
          Broken at record <Link href={`/audit/${r.brokenAt}`}>{r.brokenAt}</Link>: {r.problem}. {r.checked} records before it are intact.
        </p>
      )}
    </section>
  );
}
