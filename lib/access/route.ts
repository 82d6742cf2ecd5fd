// The one wrapper around every /api/v1 route handler, declaring who may call it: CSRF check,
// session, the declared permission, body limit, and the answer: the handler's result as JSON, or
// its error mapped by lib/core/http/error-response.ts.
import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { actorForToken, sessionClaims } from "./session";
import type { Actor, RequestCtx } from "@/lib/core/context";
import { requestCtx } from "./request-ctx";
import { authorizeRoute, type RouteDeclaration } from "./route-permission";
import { toErrorResponse } from "@/lib/core/http/error-response";
import { singleValuedQuery } from "@/lib/core/http/query";
import { clientIp } from "@/lib/core/http/client-ip";
import { metricsAllowlist } from "@/lib/core/http/ip-allowlist";
import { ALLOWLIST_PROVIDER } from "@/lib/core/actor";
import { readJson } from "@/lib/core/http/read-body";
import { assertSameOrigin } from "@/lib/core/http/same-origin";
import { errors } from "@/lib/core/errors";
import { actorFromApiToken, currentTokenActor } from "./tokens/bearer";
import { bearerTokenOf } from "./tokens/secret";

type Handler<P, R> = (args: { req: NextRequest; params: P; ctx: RequestCtx; query: Record<string, string>; body: (maxBytes?: number) => Promise<unknown> }) => Promise<R>;

declare const answer: unique symbol;
/** The body a handler answers with (a `NextResponse.json` body, else the result itself); a type only, no runtime field. */
type Answers<R> = { readonly [answer]?: R extends NextResponse<infer Body> ? Body : R extends Response ? never : R };
/** What a route answers with: test/api-contract.test.ts holds it to the browser's types. */
export type AnswerOf<H> = H extends { readonly [answer]?: infer Body } ? Body : never;

export type RouteHandler<P, R> = ((req: NextRequest, context: { params: Promise<P> }) => Promise<Response>) & Answers<R> & { declaration: RouteDeclaration<P> };

const READ_METHODS = new Set(["GET", "HEAD"]);

type Caller = { actor: Actor; currentActor: () => Promise<Actor | null> };

/**
 * Who is calling: an API token (Bearer, no CSRF check: no cookie rides on it) or the session
 * cookie; and who the same credentials stand for later (for a stream that outlives the request).
 */
async function callerOf(req: NextRequest, declaration: Pick<RouteDeclaration, "permission" | "sessionOnly">, sourceIp: string | null): Promise<Caller> {
  const { sessionOnly } = declaration;
  // A scraper on an allowed address sends no credentials; one that sends a token has it checked.
  if (declaration.permission === "metrics" && !req.headers.has("authorization") && metricsAllowlist().allows(sourceIp)) {
    const actor: Actor = { id: ALLOWLIST_PROVIDER, username: `metrics scraper at ${sourceIp}`, name: `metrics scraper at ${sourceIp}`, role: "none", provider: ALLOWLIST_PROVIDER, grants: [] };
    return { actor, currentActor: async () => actor };
  }
  const bearer = bearerTokenOf(req.headers.get("authorization"));
  if (bearer) {
    const actor = await actorFromApiToken(bearer, sourceIp);
    if (sessionOnly) throw errors.sessionRequired(sessionOnly);
    if (actor.token?.readOnly && !READ_METHODS.has(req.method)) throw errors.tokenReadOnly(req.method);
    return { actor, currentActor: () => currentTokenActor(bearer) };
  }
  assertSameOrigin(req);
  const claims = await sessionClaims(req);
  const actor = await actorForToken(claims);
  if (!actor) throw declaration.permission === "metrics" ? errors.metricsUnauthenticated() : errors.unauthenticated();
  return { actor, currentActor: () => actorForToken(claims) };
}

/**
 * `route({ permission, cluster?, path?, maxBodyBytes? }, handler)`: same-origin check, session,
 * the declared permission, then the handler, which reads the body (at most the declared bytes)
 * and hands its input to one verb.
 */
export function route<P = Record<string, string>, R = unknown>(declaration: RouteDeclaration<NoInfer<P>>, handler: Handler<P, R>): RouteHandler<P, R> {
  const serve = async (req: NextRequest, context: { params: Promise<P> }) => {
    const requestId = randomUUID();
    let response: Response;
    try {
      const sourceIp = clientIp(req);
      const { actor, currentActor } = await callerOf(req, declaration, sourceIp);
      if (actor.mustChangePassword && !declaration.duringPasswordChange) throw errors.passwordChangeRequired();
      const params = await context.params;
      const ctx = requestCtx({ actor, requestId, sourceIp, breakGlass: req.headers.get("x-break-glass") === "true", currentActor });
      await authorizeRoute(ctx, declaration, { method: req.method, pathname: req.nextUrl.pathname, params: params as Record<string, string>, search: req.nextUrl.searchParams });
      const args = { req, params, ctx, body: (maxBytes = declaration.maxBodyBytes) => readJson(req, maxBytes) };
      // Read lazily: a handler that takes repeated parameters (getAll) never touches `query`.
      Object.defineProperty(args, "query", { enumerable: true, get: () => singleValuedQuery(req.nextUrl.searchParams) });
      const result = await handler(args as Parameters<Handler<P, R>>[0]);
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
  return Object.assign(serve, { declaration });
}
