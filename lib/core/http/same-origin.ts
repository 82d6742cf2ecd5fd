// CSRF defence for every state-changing API request: a browser always says where a request comes
// from (Sec-Fetch-Site, Origin), so anything not from the console's own origin is refused.
// Requests without either header are not from a browser page and cannot ride on its cookies.
import type { NextRequest } from "next/server";
import { errors } from "../errors";
import { trustedProxyHops } from "./client-ip";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The first value of a proxy header, but only behind proxies the operator declared (TRUST_PROXY): any client can send one. */
function forwarded(req: NextRequest, name: string): string | null {
  if (trustedProxyHops() === 0) return null;
  return req.headers.get(name)?.split(",")[0].trim() || null;
}

function ownOrigins(req: NextRequest): Set<string> {
  const origins = new Set<string>([req.nextUrl.origin]);
  const host = forwarded(req, "x-forwarded-host") ?? req.headers.get("host");
  const proto = forwarded(req, "x-forwarded-proto") ?? req.nextUrl.protocol.replace(/:$/, "");
  if (host) origins.add(`${proto}://${host}`);
  if (process.env.NEXTAUTH_URL) {
    try {
      origins.add(new URL(process.env.NEXTAUTH_URL).origin);
    } catch {
      // an invalid NEXTAUTH_URL is reported at start-up
    }
  }
  return origins;
}

const refuse = errors.crossSiteRefused;

export function assertSameOrigin(req: NextRequest): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw refuse(`Sec-Fetch-Site is ${site}`);
  const origin = req.headers.get("origin");
  if (origin === null) return;
  const own = ownOrigins(req);
  if (!own.has(origin)) throw refuse(`Origin ${origin} is not ${[...own][0]}`);
}
