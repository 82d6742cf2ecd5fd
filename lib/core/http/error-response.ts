// Domain errors to HTTP, in one place: a ConsoleError answers with its code and status, a zod
// error is a 400 naming the broken rule, a failing console database a 503, anything else a
// generic 500 whose details stay in the server log (with the request id).
import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { databaseUnavailable } from "../db/unavailable";
import { ConsoleError } from "../errors";

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
