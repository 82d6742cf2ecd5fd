"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";

/** Only same-origin relative paths are followed after sign-in: never an open redirect. */
function safeCallback(raw: string | null): string {
  if (raw && raw.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\")) return raw;
  return "/clusters";
}

export function LoginForm() {
  const router = useRouter();
  const searchParams = useSearchParams();
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
      setError("Invalid username or password");
      return;
    }
    router.push(safeCallback(searchParams.get("callbackUrl")));
    router.refresh();
  }

  return (
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
  );
}
