"use client";

import { useState, type FormEvent } from "react";
import { ErrorBox } from "@/components/error-box";
import { errorMessage } from "@/lib/core/client/api-fetch";
import { useCreateServiceAccount } from "@/lib/tokens/client/use-create-service-account";
import { useServiceAccounts } from "@/lib/tokens/client/use-service-accounts";

/** Admins: service accounts (users that never sign in and act through tokens); grants and disabling are on the Admin pages. */
export function ServiceAccounts() {
  const accounts = useServiceAccounts(true);
  const create = useCreateServiceAccount();
  const [name, setName] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim() }, { onSuccess: () => setName("") });
  };
  return (
    <section className="card" aria-label="Service accounts">
      <h2>Service accounts</h2>
      <p className="muted">A service account never signs in: it acts only through its tokens, with the rights its grants give it (Admin → Grants). Disabling it (Admin → Users) stops all its tokens.</p>
      {accounts.isError ? <ErrorBox error={accounts.error} /> : (
        <ul data-testid="service-accounts">
          {accounts.data?.map((a) => <li key={a.id}><strong>{a.username}</strong> <span className="muted">{a.role === "none" ? "grants only" : a.role}{a.disabled ? ", disabled" : ""}, {a.activeTokens} active token(s)</span></li>)}
        </ul>
      )}
      <form className="form" onSubmit={submit} aria-label="Make a service account">
        <label className="field"><span>Name</span><input value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} placeholder="deploy-bot" /></label>
        {create.error && <p className="error-text" role="alert">{errorMessage(create.error)}</p>}
        <div className="actions"><button type="submit" className="button" disabled={create.isPending}>Make service account</button></div>
      </form>
    </section>
  );
}
