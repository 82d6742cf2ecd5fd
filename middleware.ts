// Every page: a per-request CSP nonce (Next.js reads it from the request's Content-Security-Policy
// header and puts it on its own scripts), and a redirect to /login without a session cookie.
// Whether the session's user still exists and is enabled is checked on the server by the root
// layout (lib/auth/page-guard.ts) and, for the API, by lib/access/route.ts. /api is not matched:
// route handlers authenticate themselves, and running middleware would make Next.js buffer
// request bodies (truncating them at 10 MB) before the handler can refuse them by size.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { errors } from "./lib/core/errors";
import { newNonce, pageCsp } from "./lib/core/http/content-security-policy";
import { PATHNAME_HEADER, SEARCH_HEADER, isPublicPage } from "./lib/auth/public-pages";

/**
 * Where the browser reaches the console: NEXTAUTH_URL, else the Host it asked for. Not req.url,
 * which names the host Next.js was started with (e.g. localhost for 127.0.0.1): a redirect there
 * is another origin, which connect-src 'self' refuses to the router's fetches.
 */
function consoleOrigin(req: NextRequest): string {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL;
  const host = req.headers.get("host");
  return host ? `${req.nextUrl.protocol}//${host}` : req.url;
}

export async function middleware(req: NextRequest) {
  const nonce = newNonce();
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development" });
  const pathname = req.nextUrl.pathname;
  // Prometheus scrapes with a token or from an allowed address, never a session: the route checks it.
  if (pathname === "/metrics") return NextResponse.next();
  if (!isPublicPage(pathname) && !(await getToken({ req, secret: process.env.NEXTAUTH_SECRET }))) {
    // The router's own fetches (prefetch, navigation; Next.js hides their RSC header from
    // middleware, but the browser says they are not documents) get a 401: the router then loads
    // the page for real, and that navigation gets the redirect. A fetch would have to follow it,
    // cross-origin when Next.js rewrites a loopback host such as 127.0.0.1 to localhost.
    const dest = req.headers.get("sec-fetch-dest");
    if (dest && dest !== "document") return new NextResponse(null, { status: errors.unauthenticated().status, headers: { "Content-Security-Policy": csp } });
    const login = new URL("/login", consoleOrigin(req));
    login.searchParams.set("callbackUrl", pathname + req.nextUrl.search);
    const res = NextResponse.redirect(login);
    res.headers.set("Content-Security-Policy", csp);
    return res;
  }
  // Set here, never taken from the client: the root layout decides by it whether to check the user.
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  headers.set(PATHNAME_HEADER, pathname);
  headers.set(SEARCH_HEADER, req.nextUrl.search);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
