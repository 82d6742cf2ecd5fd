// Sign-in methods, from the environment only: the bootstrap admin's password form (unless
// ADMIN_LOGIN=disabled), a generic OIDC provider, and GitHub/Google when their variables are set.
import type { OAuthConfig, Provider } from "next-auth/providers/index";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";

export type LoginMethod = { id: string; name: string };

/** As the IdP may send them: checked by shape before use. */
type OidcClaims = { sub?: unknown; name?: unknown; preferred_username?: unknown; email?: unknown };

const text = (v: unknown) => (typeof v === "string" && v ? v : null);

export const adminLoginEnabled = () => process.env.ADMIN_LOGIN !== "disabled";

export function oidcProvider(): OAuthConfig<OidcClaims> | null {
  const issuer = process.env.OIDC_ISSUER?.trim();
  if (!issuer || !process.env.OIDC_CLIENT_ID || !process.env.OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: process.env.OIDC_DISPLAY_NAME || "Single sign-on",
    type: "oauth",
    wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: process.env.OIDC_CLIENT_ID,
    clientSecret: process.env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: process.env.OIDC_SCOPE || "openid profile email" } },
    // Authorization code flow, bound to this browser by PKCE and state.
    checks: ["pkce", "state"],
    idToken: true,
    // Only text is taken; the sign-in callback checks every claim (sso-claims.ts) and refuses a bad subject.
    profile: (claims) => ({ id: text(claims.sub) ?? "", name: text(claims.name) ?? text(claims.preferred_username) ?? text(claims.email), email: text(claims.email) }),
  };
}

export function ssoProviders(): Provider[] {
  const list: Provider[] = [];
  const oidc = oidcProvider();
  if (oidc) list.push(oidc);
  if (process.env.GITHUB_CLIENT_ID && process.env.GITHUB_CLIENT_SECRET) {
    list.push(GitHubProvider({ clientId: process.env.GITHUB_CLIENT_ID, clientSecret: process.env.GITHUB_CLIENT_SECRET }));
  }
  if (process.env.GOOGLE_CLIENT_ID && process.env.GOOGLE_CLIENT_SECRET) {
    list.push(GoogleProvider({ clientId: process.env.GOOGLE_CLIENT_ID, clientSecret: process.env.GOOGLE_CLIENT_SECRET }));
  }
  return list;
}

/** What the login page offers. */
export function loginMethods(): { password: boolean; sso: LoginMethod[] } {
  return { password: adminLoginEnabled(), sso: ssoProviders().map((p) => ({ id: p.id, name: p.name })) };
}
