// /api/auth/* – next-auth sign-in, callback, session and sign-out endpoints (own CSRF tokens)
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { clientIp } from "@/lib/core/http/client-ip";
import { arrivedOverTls } from "@/lib/auth/cookies";
import { authOptionsFor } from "@/lib/auth/options";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options per request, so sign-in audit records carry the source address and cookies are Secure behind TLS.
const handler = (req: NextRequest, ctx: Ctx) => NextAuth(req, ctx, authOptionsFor({ sourceIp: clientIp(req), overTls: arrivedOverTls(req.headers) }));

export { handler as GET, handler as POST };
