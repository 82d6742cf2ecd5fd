import { Suspense } from "react";
import { ChangesBrowser } from "./client";

export default function ChangesPage() {
  return (
    <>
      <h1>Change requests</h1>
      <p className="muted">
        Writes under a protected path wait here for another user&apos;s approval; ZooKeeper is unchanged until then.
      </p>
      {/* The filters live in the URL (useSearchParams needs a Suspense boundary). */}
      <Suspense>
        <ChangesBrowser />
      </Suspense>
    </>
  );
}
