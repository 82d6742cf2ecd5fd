"use client";

import { useState, type FormEvent } from "react";
import { useDigest } from "@/lib/acl/client/use-acl";
import { errorMessage } from "@/lib/core/client/api-fetch";

/** User + password → digest id, computed by the server; the password leaves the form as soon as it is used. */
export function DigestHelper({ onAdd }: { onAdd: (id: string) => void }) {
  const [user, setUser] = useState("");
  const [password, setPassword] = useState("");
  const digest = useDigest();

  function compute(event: FormEvent) {
    event.preventDefault();
    digest.mutate({ user: user.trim(), password }, { onSuccess: () => setPassword("") });
  }

  return (
    <form className="acl-tool" onSubmit={compute} aria-label="Digest helper">
      <h3>Digest helper</h3>
      <div className="row">
        <label className="field">
          <span>User</span>
          <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <label className="field">
          <span>Password</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </label>
        <button type="submit" className="button" disabled={!user.trim() || !password || digest.isPending}>Compute</button>
      </div>
      {digest.error && <p className="error-text" role="alert">{errorMessage(digest.error)}</p>}
      {digest.data && (
        <div className="row">
          <code className="digest-id" data-testid="digest-id">digest:{digest.data.id}</code>
          <button type="button" className="button primary" onClick={() => { onAdd(digest.data.id); digest.reset(); }}>Add as entry</button>
        </div>
      )}
    </form>
  );
}
