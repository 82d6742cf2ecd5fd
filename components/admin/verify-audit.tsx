"use client";

import Link from "next/link";
import { ErrorBox } from "@/components/error-box";
import type { VerifyResult } from "@/lib/audit/client/types";
import { useVerifyAudit } from "@/lib/audit/client/use-verify-audit";
import { useWriteCheckpoint } from "@/lib/audit/client/use-write-checkpoint";

function checkpointText(c: VerifyResult["checkpoint"]): string {
  if (c.status === "matches") return `It matches the signed checkpoint of ${new Date(c.at).toLocaleString()} (${c.count} records).`;
  if (c.status === "none") return "No signed checkpoint yet: deleting the newest records cannot be detected until one is written.";
  return `Checkpoint: ${c.problem}.`;
}

export function VerifyAudit() {
  const verify = useVerifyAudit();
  const checkpoint = useWriteCheckpoint();
  const r = verify.data;
  const written = checkpoint.data;
  return (
    <section className="card form" aria-label="Audit trail integrity">
      <h2>Audit trail integrity</h2>
      <p className="muted">
        Every record carries a keyed hash (HMAC, with a key outside the database) over its content and the previous record&apos;s hash, and signed
        checkpoints of the newest record are kept outside the database. Verification walks the whole chain and compares it with the latest checkpoint.
      </p>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? "Verifying…" : "Verify the audit trail"}
        </button>
        <button type="button" className="button" onClick={() => checkpoint.mutate()} disabled={checkpoint.isPending}>
          {checkpoint.isPending ? "Writing…" : "Write a checkpoint now"}
        </button>
      </div>
      {verify.isError && <ErrorBox error={verify.error} />}
      {checkpoint.isError && <ErrorBox error={checkpoint.error} />}
      {written && (
        <p role="status" className={written.written ? "ok-text" : "error-text"} data-testid="checkpoint-result">
          {written.written ? `Checkpoint written: ${written.written.count} records, signed with key ${written.written.keyId}.` : `No checkpoint written: ${written.problem}`}
        </p>
      )}
      {r?.ok === true && (
        <p className="ok-text" role="status" data-testid="verify-result">
          Intact: {r.checked} records checked{r.headHash ? `, head hash ${r.headHash.slice(0, 28)}…` : ""}
          {r.keyedFrom !== null && r.keyedFrom > 1 ? ` (records before ${r.keyedFrom} carry the older unkeyed hash)` : ""}. {checkpointText(r.checkpoint)}
        </p>
      )}
      {r?.ok === false && (
        <p className="error-text" role="alert" data-testid="verify-result">
          {r.brokenAt !== null ? <>Broken at record <Link href={`/audit/${r.brokenAt}`}>{r.brokenAt}</Link>: </> : "Broken: "}
          {r.problem}. {r.checked} records were checked.
        </p>
      )}
    </section>
  );
}
