// The one wrapper around every /api/v1 route handler: CSRF check, session, input parsing,
// and the single mapping from domain errors to HTTP.
import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError } from "zod";
import { actorFromRequest, unauthenticated } from "./session";
import type { RequestCtx } from "@/lib/core/context";
import { ConsoleError } from "@/lib/core/errors";
import { databaseUnavailable } from "@/lib/core/db/unavailable";
import { clientIp } from "@/lib/core/http/client-ip";
import { readJson } from "@/lib/core/http/read-body";
import { assertSameOrigin } from "@/lib/core/http/same-origin";

export { clientIp } from "@/lib/core/http/client-ip";
export { MAX_BODY_BYTES } from "@/lib/core/http/read-body";

type Handler<P> = (args: { req: NextRequest; params: P; ctx: RequestCtx; query: Record<string, string>; body: (maxBytes?: number) => Promise<unknown> }) => Promise<unknown>;

export function errorResponse(code: string, status: number, message: string, details?: Record<string, unknown>) {
  return NextResponse.json({ error: { code, message, ...(details ? { details } : {}) } }, { status, headers: { "Cache-Control": "no-store" } });
}

export function toErrorResponse(e: unknown, requestId: string = randomUUID()) {
  if (e instanceof ConsoleError) return errorResponse(e.code, e.status, e.message, e.details);
  if (e instanceof ZodError) {
    const issue = e.issues[0];
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    return errorResponse("BAD_REQUEST", 400, `${where}${issue.message}`, { issues: e.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
  }
  const db = databaseUnavailable(e);
  if (db) {
    console.error(`[api] request ${requestId}: ${db.message} (${(e as { code?: string }).code})`);
    return errorResponse(db.code, db.status, db.message);
  }
  console.error(`[api] request ${requestId} failed:`, e);
  return errorResponse("INTERNAL", 500, `internal error (request id ${requestId}); see the server log`);
}

/** The query as one value per name; a repeated name is ambiguous, so it is refused. */
export function singleValuedQuery(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of params) {
    if (Object.hasOwn(query, name)) throw new ConsoleError("BAD_REQUEST", 400, `the query parameter ${JSON.stringify(name)} is given more than once (rule: each query parameter at most once)`);
    query[name] = value;
  }
  return query;
}

export function route<P = Record<string, string>>(handler: Handler<P>) {
  return async (req: NextRequest, context: { params: Promise<P> }) => {
    const requestId = randomUUID();
    let response: Response;
    try {
      assertSameOrigin(req);
      const actor = await actorFromRequest(req);
      if (!actor) throw unauthenticated();
      const params = await context.params;
      const ctx: RequestCtx = { actor, requestId, sourceIp: clientIp(req) };
      const args = { req, params, ctx, body: (maxBytes?: number) => readJson(req, maxBytes) };
      // Read lazily: a handler that takes repeated parameters (getAll) never touches `query`.
      Object.defineProperty(args, "query", { enumerable: true, get: () => singleValuedQuery(req.nextUrl.searchParams) });
      const result = await handler(args as Parameters<Handler<P>>[0]);
      response = result instanceof Response ? result : NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (e) {
      response = toErrorResponse(e, requestId);
    }
    // The id the audit trail records for this request, so an operator can find its records.
    try {
      if (!response.headers.has("X-Request-Id")) response.headers.set("X-Request-Id", requestId);
    } catch {
      // immutable headers (a proxied response): the id is in the audit trail anyway
    }
    return response;
  };
}
