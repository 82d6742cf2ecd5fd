"use client";

import { useId, useState, type FormEvent } from "react";
import { useAddCredential, useCredentials, useRemoveCredential } from "@/lib/acl/client/use-credentials";
import { errorMessage } from "@/lib/core/client/api-fetch";
import "./acl.css";

/** A cluster's ZooKeeper credentials (add_auth identities): listed by scheme and label only, added and removed by admins. */
export function CredentialsSection({ clusterId }: { clusterId: string }) {
  const id = useId();
  const list = useCredentials(clusterId);
  const add = useAddCredential(clusterId);
  const remove = useRemoveCredential(clusterId);
  const [scheme, setScheme] = useState("digest");
  const [user, setUser] = useState("");
  const [secret, setSecret] = useState("");
  const [label, setLabel] = useState("");
  const digest = scheme === "digest";

  function submit(event: FormEvent) {
    event.preventDefault();
    const credential = digest ? `${user.trim()}:${secret}` : secret;
    add.mutate({ scheme, credential, ...(digest || !label.trim() ? {} : { label: label.trim() }) }, {
      onSuccess: () => { setUser(""); setSecret(""); setLabel(""); },
      onError: () => setSecret(""), // never keep a refused secret around
    });
  }

  return (
    <section className="credentials" aria-labelledby={`${id}-h`} data-testid="credentials">
      <h3 id={`${id}-h`}>ZooKeeper credentials</h3>
      <p className="muted">Added to the console’s session on every (re)connect, stored encrypted (CONSOLE_SECRET_KEY). Only the scheme and a label are ever shown.</p>
      {list.error && <p className="error-text" role="alert">{errorMessage(list.error)}</p>}
      {list.data && (list.data.length === 0 ? <p className="muted">None: the session is world:anyone (plus its address).</p> : (
        <ul className="credential-list">
          {list.data.map((c) => (
            <li key={c.id}>
              <code>{c.label}</code>
              <button type="button" className="button danger" disabled={remove.isPending} onClick={() => remove.mutate(c.id)} aria-label={`Remove credential ${c.label}`}>Remove</button>
            </li>
          ))}
        </ul>
      ))}
      <form className="form" onSubmit={submit} aria-label="Add a ZooKeeper credential">
        <div className="fields">
          <label className="field" htmlFor={`${id}-scheme`}>
            <span>Scheme</span>
            <input id={`${id}-scheme`} value={scheme} onChange={(e) => setScheme(e.target.value.trim().toLowerCase())} list={`${id}-schemes`} autoComplete="off" />
            <datalist id={`${id}-schemes`}><option value="digest" /></datalist>
          </label>
          {digest ? (
            <label className="field" htmlFor={`${id}-user`}>
              <span>User</span>
              <input id={`${id}-user`} value={user} onChange={(e) => setUser(e.target.value)} autoComplete="off" />
            </label>
          ) : (
            <label className="field" htmlFor={`${id}-label`}>
              <span>Label <span className="muted">(shown instead of the credential)</span></span>
              <input id={`${id}-label`} value={label} onChange={(e) => setLabel(e.target.value)} maxLength={64} autoComplete="off" />
            </label>
          )}
          <label className="field" htmlFor={`${id}-secret`}>
            <span>{digest ? "Password" : "Credential"}</span>
            <input id={`${id}-secret`} type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="new-password" />
          </label>
        </div>
        <div className="actions">
          <button type="submit" className="button primary" disabled={add.isPending || !secret || (digest && !user.trim())}>Add credential</button>
        </div>
        {(add.error || remove.error) && <p className="error-text" role="alert">{errorMessage(add.error ?? remove.error)}</p>}
      </form>
    </section>
  );
}
