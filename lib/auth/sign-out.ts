// Sign-out on the server: the session's id is refused from now until the session would have
// expired, in this and every other console instance (the write invalidates the user's cached
// access, which ends its live streams that depend on this session). A session from before session
// ids has none to refuse: signing it out ends every session of the user.
import "server-only";
import { randomUUID } from "node:crypto";
import type { JWT } from "next-auth/jwt";
import { recordEvent } from "@/lib/access/audit/record";
import { sessionMaxAgeSeconds } from "@/lib/access/session-age";
import { db } from "@/lib/core/db/client";

export async function endSession(token: JWT | null | undefined, sourceIp: string | null): Promise<void> {
  const userId = typeof token?.uid === "string" ? token.uid : null;
  if (!token || !userId) return;
  const user = await db().user.findUnique({ where: { id: userId }, select: { username: true, provider: true } });
  if (!user) return;
  const now = new Date();
  if (typeof token.sid === "string") {
    const exp = typeof token.exp === "number" ? token.exp * 1000 : now.getTime() + sessionMaxAgeSeconds() * 1000;
    await db().signedOutSession.deleteMany({ where: { userId, expiresAt: { lte: now } } });
    await db().signedOutSession.upsert({ where: { sid: token.sid }, create: { sid: token.sid, userId, expiresAt: new Date(exp) }, update: {} });
  } else {
    await db().user.update({ where: { id: userId }, data: { sessionsRevokedAt: now } });
  }
  await recordEvent({ requestId: randomUUID(), actor: { id: userId, name: user.username, provider: user.provider }, sourceIp, operation: "logout", outcome: "ok" });
}
