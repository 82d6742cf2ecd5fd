// The one wrapper around every /api/v1 route handler: CSRF check, session, input parsing,
// and the single mapping from domain errors to HTTP.
import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError } from "zod";
import { actorFromRequest, unauthenticated } from "../auth/session";
import type { RequestCtx } from "../mutations/context";
import { ConsoleError } from "../errors";
import { assertSameOrigin } from "./same-origin";

export const MAX_BODY_BYTES = 4 * 1024 * 1024;

type Handler<P> = (args: { req: NextRequest; params: P; ctx: RequestCtx; query: Record<string, string>; body: (maxBytes?: number) => Promise<unknown> }) => Promise<unknown>;

export function errorResponse(code: string, status: number, message: string, details?: Record<string, unknown>) {
  return NextResponse.json({ error: { code, message, ...(details ? { details } : {}) } }, { status, headers: { "Cache-Control": "no-store" } });
}

export function toErrorResponse(e: unknown) {
  if (e instanceof ConsoleError) return errorResponse(e.code, e.status, e.message, e.details);
  if (e instanceof ZodError) {
    const issue = e.issues[0];
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    return errorResponse("BAD_REQUEST", 400, `${where}${issue.message}`, { issues: e.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
  }
  const requestId = randomUUID();
  console.error(`[api] request ${requestId} failed:`, e);
  return errorResponse("INTERNAL", 500, `internal error (request id ${requestId}); see the server log`);
}

async function readJson(req: NextRequest, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const tooLarge = () => new ConsoleError("PAYLOAD_TOO_LARGE", 413, `the request body is larger than ${maxBytes} bytes`);
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ConsoleError("BAD_REQUEST", 400, "the request body is not valid JSON");
  }
}

export function clientIp(req: { headers: Headers }): string | null {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || null;
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
      const query = Object.fromEntries(req.nextUrl.searchParams.entries());
      const ctx: RequestCtx = { actor, requestId, sourceIp: clientIp(req) };
      const result = await handler({ req, params, ctx, query, body: (maxBytes) => readJson(req, maxBytes) });
      response = result instanceof Response ? result : NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (e) {
      response = toErrorResponse(e);
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
