// Errors to HTTP, in one place: a ConsoleError answers with its code and status (from the
// catalogue, lib/core/errors.ts), a zod error is a 400 naming the broken rule, a failing console
// database a 503, anything else a generic 500 whose details stay in the server log (with the
// request id).
import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { databaseUnavailable } from "../db/unavailable";
import { ConsoleError, errors } from "../errors";

/** Any thrown value as the error the client is told about (unknown ones are logged here). */
export function toConsoleError(e: unknown, requestId: string = randomUUID()): ConsoleError {
  if (e instanceof ConsoleError) return e;
  if (e instanceof ZodError) {
    const issue = e.issues[0];
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    return errors.invalidInput(where, issue.message, e.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  const db = databaseUnavailable(e);
  if (db) {
    console.error(`[api] request ${requestId}: ${db.message} (${(e as { code?: string }).code})`);
    return db;
  }
  console.error(`[api] request ${requestId} failed:`, e);
  return errors.internal(requestId);
}

/** The JSON body every error answer has: `{ error: { code, message, details? } }`. */
export const errorBody = (e: ConsoleError) => ({ code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) });

export function toErrorResponse(e: unknown, requestId?: string) {
  const err = toConsoleError(e, requestId);
  return NextResponse.json({ error: errorBody(err) }, { status: err.status, headers: { "Cache-Control": "no-store" } });
}
