"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorBox } from "@/components/error-box";
import { apiFetch } from "@/lib/core/client/api-fetch";

/** A local account's own password change: the current one, then the new one twice. */
export function ChangePasswordForm() {
  const router = useRouter();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [repeat, setRepeat] = useState("");
  const change = useMutation({
    mutationFn: () => apiFetch<{ ok: true }>("/api/v1/account/password", { method: "POST", body: { currentPassword, newPassword } }),
    onSuccess: () => {
      router.push("/clusters");
      router.refresh();
    },
  });
  const mismatch = repeat !== "" && repeat !== newPassword;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!mismatch) change.mutate();
  };
  return (
    <form className="form card" onSubmit={onSubmit} aria-label="Change password">
      <label className="field">Current password
        <input type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} required />
      </label>
      <label className="field">New password
        <input type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} required minLength={12} />
      </label>
      <label className="field">New password again
        <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
      </label>
      {mismatch && <p className="error-text" role="alert">The two new passwords differ.</p>}
      <button type="submit" className="button primary" disabled={change.isPending || mismatch}>Change password</button>
      {change.isError && <ErrorBox error={change.error} title="Password not changed" />}
    </form>
  );
}
