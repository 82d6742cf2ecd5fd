"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { LoginMethod } from "@/lib/auth";
import { SIGN_IN_UNAVAILABLE } from "@/lib/auth/login-messages";
import { sameOriginPath } from "@/lib/core/http/same-origin-path";

/** Only paths of this origin are followed after sign-in: never an open redirect. */
const safeCallback = (raw: string | null) => sameOriginPath(raw, window.location.origin);

type Props = { methods: { password: boolean; sso: LoginMethod[] } };

export function LoginForm({ methods }: Props) {
  const router = useRouter();
  const searchParams = useSearchParams();
  // Resolved when used (in the browser: the origin is the page's).
  const callbackUrl = () => safeCallback(searchParams.get("callbackUrl"));
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { username, password, redirect: false });
    setPending(false);
    if (!result || result.error || !result.ok) {
      // A paused sign-in (too many failures) comes back with its own sentence.
      setError(result?.error && result.error !== "CredentialsSignin" && (result.error.startsWith("Too many") || result.error === SIGN_IN_UNAVAILABLE) ? result.error : "Invalid username or password");
      return;
    }
    router.push(callbackUrl());
    router.refresh();
  }

  return (
    <div className="form">
      {methods.sso.map((m) => (
        <button key={m.id} type="button" className="button primary" onClick={() => signIn(m.id, { callbackUrl: callbackUrl() })}>
          Continue with {m.name}
        </button>
      ))}
      {methods.sso.length > 0 && methods.password && <p className="muted">or with a console account:</p>}
      {methods.password && (
        <form className="form" onSubmit={onSubmit}>
          <label className="field">
            <span>Username</span>
            <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
          </label>
          <label className="field">
            <span>Password</span>
            <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </label>
          {error && <p role="alert" className="error-text">{error}</p>}
          <button type="submit" className="button primary" disabled={pending}>
            Sign in
          </button>
        </form>
      )}
      {!methods.password && methods.sso.length === 0 && (
        <p className="error-text" role="alert">No sign-in method is configured: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or unset ADMIN_LOGIN=disabled.</p>
      )}
    </div>
  );
}
