import "server-only";
import { randomUUID } from "node:crypto";
import { recordEvent } from "@/lib/access/audit/record";
import { logger } from "@/lib/core/log";

const log = logger("auth");

export type LoginAttempt = { username: string; userId?: string | null; provider: string; sourceIp: string | null };

/** A successful sign-in. Fails closed: no record, no session. */
export async function auditLogin(a: LoginAttempt, details?: Record<string, unknown>): Promise<void> {
  await recordEvent({ requestId: randomUUID(), actor: { id: a.userId ?? null, name: a.username, provider: a.provider }, sourceIp: a.sourceIp, operation: "login", outcome: "ok", details });
}

const failure = (a: LoginAttempt, error: string, operation: string) =>
  recordEvent({ requestId: randomUUID(), actor: { id: a.userId ?? null, name: a.username, provider: a.provider }, sourceIp: a.sourceIp, operation, outcome: "failed", error });

/** A refused sign-in; when even that cannot be written, the log keeps it. */
export async function auditLoginFailure(a: LoginAttempt, error: string, operation = "login_failed"): Promise<void> {
  await failure(a, error, operation).catch((e) => log.error({ err: e, username: a.username }, "could not audit a failed sign-in"));
}

/** A failed password attempt, which the rate limit counts: when it cannot be written this throws, so the sign-in fails closed. */
export async function auditCountedFailure(a: LoginAttempt, error: string): Promise<void> {
  await failure(a, error, "login_failed");
}
