"use client";

import { ApiError } from "@/lib/core/client/api-fetch";

/** A refusal the operator may override (the server says `forceable`): the server may be down, or its clock wrong. */
export function SaveAnyway({ error, pending, onClick }: { error: unknown; pending: boolean; onClick: () => void }) {
  if (!(error instanceof ApiError) || error.details?.forceable !== true) return null;
  return (
    <button type="button" className="button danger" disabled={pending} onClick={onClick}>
      Save anyway
    </button>
  );
}
