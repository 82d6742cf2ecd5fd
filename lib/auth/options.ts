import "server-only";
import { randomUUID } from "node:crypto";
import NextAuth, { type NextAuthOptions } from "next-auth";
import type { NextRequest } from "next/server";
import { clientIp } from "@/lib/core/http/client-ip";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/core/db/client";
import { arrivedOverTls, sessionCookies } from "./cookies";
import { authorizeCredentials } from "./credentials-login";
import { isGlobalAdmin } from "@/lib/access/permissions";
import { adminLoginEnabled, ssoProviders } from "./providers";
import { actorForToken } from "@/lib/access/session";
import { completeSsoLogin } from "./sso-login";
import { identityFromClaims } from "./sso-claims";
import { auditLoginFailure } from "./login-audit";
import { sessionMaxAgeSeconds } from "@/lib/access/session-age";
import { endSession } from "./sign-out";
import { logger } from "@/lib/core/log";
import { sameOriginPath } from "@/lib/core/http/same-origin-path";

const log = logger("auth");

const SESSION_ENDED = "the session has ended";

/**
 * next-auth's options for one request: `sourceIp` goes into the audit records of sign-ins;
 * `overTls` (NEXTAUTH_URL https, or X-Forwarded-Proto https) makes its cookies Secure.
 */
export function authOptionsFor({ sourceIp, overTls = false }: { sourceIp: string | null; overTls?: boolean }): NextAuthOptions {
  const credentials = CredentialsProvider({
    name: "Console account",
    credentials: { username: { label: "Username" }, password: { label: "Password", type: "password" } },
    authorize: (raw) => authorizeCredentials(raw, sourceIp),
  });
  return {
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
    pages: { signIn: "/login", error: "/login" },
    cookies: sessionCookies(overTls),
    providers: [...(adminLoginEnabled() ? [credentials] : []), ...ssoProviders()],
    logger: {
      error(code, metadata) {
        // The session callback ends a disabled user's session by throwing: expected, not a failure.
        if (code === "JWT_SESSION_ERROR" && String((metadata as { message?: string })?.message).startsWith(SESSION_ENDED)) return;
        log.error({ code, metadata }, "next-auth error");
      },
      warn: (code) => log.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
    // Signing out ends this session on the server too: its cookie, copied or not, and its live streams.
    events: { signOut: ({ token }) => endSession(token, sourceIp) },
    callbacks: {
      // Every redirect next-auth makes (callbackUrl of a form post or the SSO cookie): this origin only.
      redirect: ({ url, baseUrl }) => new URL(sameOriginPath(url, baseUrl), baseUrl).toString(),
      async signIn({ account, profile }) {
        if (!account || account.type !== "oauth") return true;
        const identity = identityFromClaims(account.provider, profile);
        if ("refused" in identity || identity.subject !== account.providerAccountId) {
          const why = "refused" in identity ? identity.why : "the subject claim and the account id differ";
          await auditLoginFailure({ username: `(${account.provider} sign-in)`, provider: account.provider, sourceIp }, `sign-in refused: ${why}`);
          return `/login?error=${"refused" in identity ? identity.refused : "BadSubject"}`;
        }
        const result = await completeSsoLogin(identity, sourceIp);
        return "refused" in result ? `/login?error=${result.refused}` : true;
      },
      async jwt({ token, user, account }) {
        if (!user) return token;
        if (account?.type === "oauth") {
          const row = await db().user.findUnique({ where: { provider_subject: { provider: account.provider, subject: account.providerAccountId } } });
          token.uid = row?.id;
        } else {
          token.uid = user.id;
        }
        token.loginAt = Date.now();
        token.sid = randomUUID();
        return token;
      },
      // Runs on /api/auth/session: a disabled or revoked user's cookie is cleared here (a throw
      // makes next-auth drop the session), so the browser learns at once that it is signed out.
      async session({ session, token }) {
        const actor = await actorForToken(token);
        if (!actor) throw new Error(`${SESSION_ENDED}: the user is disabled or its sessions were revoked`);
        session.uid = actor.id;
        session.role = actor.role === "none" ? "custom" : actor.role;
        session.isAdmin = isGlobalAdmin(actor);
        session.user = { name: actor.name, email: session.user?.email ?? null };
        return session;
      },
    },
  };
}

/** For getServerSession and anything outside a request's sign-in flow. */
export const authOptions: NextAuthOptions = authOptionsFor({ sourceIp: null });

/** /api/auth/*: next-auth with options per request, so sign-in audit records carry the source address and cookies are Secure behind TLS. */
export function nextAuthRoute(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req, ctx, authOptionsFor({ sourceIp: clientIp(req), overTls: arrivedOverTls(req.headers) }));
}
