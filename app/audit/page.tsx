import { Suspense } from "react";
import { AuditBrowser } from "./client";

export default function AuditPage() {
  return (
    <>
      <h1>Audit trail</h1>
      {/* The filters live in the URL (useSearchParams needs a Suspense boundary). */}
      <Suspense>
        <AuditBrowser />
      </Suspense>
    </>
  );
}
