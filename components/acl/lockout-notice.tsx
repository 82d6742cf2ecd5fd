"use client";

import type { LockoutDetails } from "@/lib/acl/client/types";
import type { ApiError } from "@/lib/core/client/api-fetch";

type Props = { error: ApiError; override: boolean; onOverride: (v: boolean) => void };

/** The lockout guard refused: say what the console would lose, and let an admin override with a reason. */
export function LockoutNotice({ error, override, onOverride }: Props) {
  const d = error.details as LockoutDetails | undefined;
  return (
    <div className="notice" role="alert" data-testid="lockout">
      <strong>This would lock the console out of {d?.path}.</strong>
      <p>{error.message}</p>
      {d && <p>It would lose: {d.lost.join(", ")}. Its identities: {d.identities.join(", ")}.</p>}
      <label className="field checkbox">
        <input type="checkbox" checked={override} onChange={(e) => onOverride(e.target.checked)} />
        <span>Override the lockout guard (admins only; give a reason below)</span>
      </label>
    </div>
  );
}
