"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/core/client/api-fetch";
import { useResetPassword } from "@/lib/admin/client/use-local-accounts";

/** An admin sets a local account's password: its sessions end, and it must choose its own at the next sign-in. */
export function ResetPassword({ id, username }: { id: string; username: string }) {
  const reset = useResetPassword();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  if (!open) return <button type="button" className="button" onClick={() => setOpen(true)}>Reset password</button>;
  return (
    <form className="form" aria-label={`Reset the password of ${username}`}
      onSubmit={(e) => { e.preventDefault(); reset.mutate({ id, password, mustChangePassword: true }, { onSuccess: () => { setOpen(false); setPassword(""); } }); }}>
      <input type="password" aria-label={`New password of ${username}`} value={password} onChange={(e) => setPassword(e.target.value)} required minLength={12} autoComplete="new-password" />
      <button type="submit" className="button" disabled={reset.isPending}>Set</button>
      <button type="button" className="button" onClick={() => setOpen(false)}>Cancel</button>
      {reset.isError && <p className="error-text" role="alert">{errorMessage(reset.error)}</p>}
    </form>
  );
}
