// next-auth's cookies, HttpOnly and SameSite=Lax always, Secure behind TLS: when NEXTAUTH_URL is
// https (then also with the __Secure-/__Host- name prefixes) or when the request arrived over https
// at a TLS-terminating proxy (X-Forwarded-Proto: https). The names depend on NEXTAUTH_URL only, so
// getToken (middleware, lib/access/session.ts) finds the session cookie on every request.
import type { CookiesOptions } from "next-auth";

export const httpsConsoleUrl = () => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

/** Whether this request reached the console over TLS, as far as the console can tell. */
export function arrivedOverTls(headers: Headers): boolean {
  return httpsConsoleUrl() || (headers.get("x-forwarded-proto") ?? "").split(",")[0].trim().toLowerCase() === "https";
}

export function sessionCookies(secure: boolean): CookiesOptions {
  const prefixed = httpsConsoleUrl();
  const p = prefixed ? "__Secure-" : "";
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secure || prefixed };
  return {
    sessionToken: { name: `${p}next-auth.session-token`, options },
    callbackUrl: { name: `${p}next-auth.callback-url`, options },
    csrfToken: { name: `${prefixed ? "__Host-" : ""}next-auth.csrf-token`, options },
    pkceCodeVerifier: { name: `${p}next-auth.pkce.code_verifier`, options: { ...options, maxAge: 60 * 15 } },
    state: { name: `${p}next-auth.state`, options: { ...options, maxAge: 60 * 15 } },
    nonce: { name: `${p}next-auth.nonce`, options },
  };
}
