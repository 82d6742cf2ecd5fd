import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db/client";
import { verifyPassword } from "./password";

const credentials = z.object({ username: z.string().min(1).max(128), password: z.string().min(1).max(1024) });

// Providers slot in here: OIDC is added by the SSO work when its env vars are set.
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Console account",
      credentials: { username: { label: "Username" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const user = await db().user.findUnique({ where: { username: parsed.data.username } });
        if (!user || user.disabled || !verifyPassword(parsed.data.password, user.passwordHash)) return null;
        await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
        return { id: user.id, name: user.name ?? user.username };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      (session as { uid?: unknown }).uid = token.uid;
      return session;
    },
  },
};
