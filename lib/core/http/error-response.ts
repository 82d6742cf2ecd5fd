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
import { logger } from "../log";

const log = logger("api");

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
    log.error({ requestId, code: (e as { code?: string }).code }, db.message);
    return db;
  }
  log.error({ err: e, requestId }, "request failed");
  return errors.internal(requestId);
}

/** The JSON body every error answer has: `{ error: { code, message, details? } }`. */
export const errorBody = (e: ConsoleError) => ({ code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) });

export function toErrorResponse(e: unknown, requestId?: string) {
  const err = toConsoleError(e, requestId);
  const retryAfter = err.details?.retryAfterSeconds;
  const headers: Record<string, string> = { "Cache-Control": "no-store", ...(typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : {}) };
  // A write held for review (errors.changeSubmitted) is an answer, not a failure.
  if (err.code === "CHANGE_REQUEST_PENDING") return NextResponse.json({ ...err.details, message: err.message }, { status: err.status, headers });
  return NextResponse.json({ error: errorBody(err) }, { status: err.status, headers });
}
