// When and from where each token was last used, without a database write on the request path:
// uses are noted in memory and written in one batch at most every TOKEN_USE_FLUSH_MS (60 s), to a
// table of their own (ApiTokenUse) so the writes invalidate no cached token. Lists show the
// newer of the stored and the pending use. With several instances each writes its own last use.
import "server-only";
import { db } from "@/lib/core/db/client";
import { logger } from "@/lib/core/log";

const log = logger("tokens");

export type TokenUse = { at: Date; ip: string | null };
type State = { pending: Map<string, TokenUse>; timer: NodeJS.Timeout | null };
// On globalThis: Next.js may load this module once per route bundle, and uses must meet in one batch.
const state: State = ((globalThis as { __zkTokenUse?: State }).__zkTokenUse ??= { pending: new Map(), timer: null });

const flushMs = () => Number(process.env.TOKEN_USE_FLUSH_MS) || 60_000;

export function noteTokenUse(tokenId: string, ip: string | null): void {
  state.pending.set(tokenId, { at: new Date(), ip });
  if (state.timer) return;
  state.timer = setTimeout(() => void flushTokenUse(), flushMs());
  state.timer.unref();
}

/** The use noted since the last write, if any. */
export const pendingTokenUse = (tokenId: string): TokenUse | undefined => state.pending.get(tokenId);

/** Write the noted uses now (also what the timer does). A failed write keeps them for the next one. */
export async function flushTokenUse(): Promise<void> {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  const batch = [...state.pending];
  state.pending.clear();
  if (!batch.length) return;
  try {
    await db().$transaction(batch.map(([tokenId, { at, ip }]) =>
      db().apiTokenUse.upsert({ where: { tokenId }, create: { tokenId, lastUsedAt: at, lastUsedIp: ip }, update: { lastUsedAt: at, lastUsedIp: ip } })));
  } catch (e) {
    log.warn({ err: e, tokens: batch.length }, "could not record when tokens were last used; trying again later");
    for (const [id, use] of batch) if (!state.pending.has(id)) state.pending.set(id, use);
    if (!state.timer) {
      state.timer = setTimeout(() => void flushTokenUse(), flushMs());
      state.timer.unref();
    }
  }
}
