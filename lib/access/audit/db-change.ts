// A database change and its audit record commit in one transaction: no record, no change.
// A change that fails is rolled back and recorded on its own as failed (best effort).
import "server-only";
import type { Prisma } from "@/lib/core/db/generated/prisma/client";
import type { RequestCtx } from "@/lib/core/context";
import { auditedTransaction } from "./chain";
import { auditActor, recordEvent, type AuditEvent } from "./record";
import { logger } from "@/lib/core/log";

const log = logger("audit");

type Described = Partial<Omit<AuditEvent, "requestId" | "actor" | "sourceIp">>;

export async function auditedDbChange<T>(
  ctx: RequestCtx,
  event: Described & { operation: string },
  change: (tx: Prisma.TransactionClient) => Promise<T>,
  describe: (result: T) => Described = () => ({}),
): Promise<T> {
  try {
    return await auditedTransaction(async (tx) => {
      const result = await change(tx);
      await recordEvent({ ...auditActor(ctx), ...event, ...describe(result), outcome: "ok" }, tx);
      return result;
    });
  } catch (e) {
    await recordEvent({ ...auditActor(ctx), ...event, outcome: "failed", error: (e as Error).message }).catch((err) => log.error({ err, requestId: ctx.requestId }, "could not record a failed change"));
    throw e;
  }
}
