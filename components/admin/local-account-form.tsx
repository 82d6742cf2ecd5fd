"use client";

import { useState, type FormEvent } from "react";
import { ErrorBox } from "@/components/error-box";
import { useCreateLocalUser, type NewLocalUser } from "@/lib/admin/client/use-local-accounts";

const EMPTY: NewLocalUser = { username: "", password: "", displayName: "", role: "viewer", mustChangePassword: true };

/** A password account for someone without the identity provider; grants are given on the Grants page. */
export function LocalAccountForm() {
  const create = useCreateLocalUser();
  const [form, setForm] = useState<NewLocalUser>(EMPTY);
  const [done, setDone] = useState<string | null>(null);
  const set = (k: "username" | "password" | "displayName") => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ ...form, displayName: form.displayName?.trim() || undefined }, { onSuccess: (u) => { setDone(u.username); setForm(EMPTY); } });
  }
  return (
    <form className="form card" onSubmit={submit} aria-label="Create a local account">
      <h2>Create a local account</h2>
      <div className="fields">
        <label className="field"><span>Username</span><input value={form.username} onChange={set("username")} required maxLength={128} autoComplete="off" /></label>
        <label className="field"><span>Display name</span><input value={form.displayName} onChange={set("displayName")} maxLength={128} /></label>
        <label className="field"><span>Password</span><input type="password" value={form.password} onChange={set("password")} required minLength={12} autoComplete="new-password" /></label>
        <label className="field"><span>Global role</span>
          <select value={form.role} onChange={(e) => setForm((f) => ({ ...f, role: e.target.value as NewLocalUser["role"] }))}>
            {(["none", "viewer", "editor", "admin"] as const).map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
      </div>
      <label><input type="checkbox" checked={form.mustChangePassword} onChange={(e) => setForm((f) => ({ ...f, mustChangePassword: e.target.checked }))} /> Must choose a new password at the first sign-in</label>
      <p className="muted">At least 12 characters, not the username, not a common password.</p>
      <button type="submit" className="button primary" disabled={create.isPending}>Create account</button>
      {done && <p className="ok-text" role="status">Created {done}.</p>}
      {create.isError && <ErrorBox error={create.error} title="Account not created" />}
    </form>
  );
}
