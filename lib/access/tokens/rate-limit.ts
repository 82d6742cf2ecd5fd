// Requests per token: a token bucket per token, TOKEN_RATE_LIMIT requests a minute (default 600,
// 0 for no limit), refilled continuously, a full minute's worth as the burst. In memory: with
// several instances each allows the limit.
import "server-only";
import { errors } from "@/lib/core/errors";

type Bucket = { tokens: number; at: number };
const MAX_BUCKETS = 10_000;
const buckets: Map<string, Bucket> = ((globalThis as { __zkTokenBuckets?: Map<string, Bucket> }).__zkTokenBuckets ??= new Map());

export const tokenRateLimit = (): number => {
  const v = Number(process.env.TOKEN_RATE_LIMIT ?? 600);
  return Number.isFinite(v) && v >= 0 ? v : 600;
};

/** Take one request from the token's bucket, or throw RATE_LIMITED with the seconds until the next is allowed. */
export function takeRequest(tokenId: string, tokenName: string, now = Date.now()): void {
  const limit = tokenRateLimit();
  if (limit === 0) return;
  const perMs = limit / 60_000;
  const b = buckets.get(tokenId) ?? { tokens: limit, at: now };
  b.tokens = Math.min(limit, b.tokens + (now - b.at) * perMs);
  b.at = now;
  buckets.delete(tokenId);
  buckets.set(tokenId, b);
  if (buckets.size > MAX_BUCKETS) buckets.delete(buckets.keys().next().value as string);
  if (b.tokens < 1) throw errors.rateLimited(`API token ${JSON.stringify(tokenName)}`, limit, Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)));
  b.tokens -= 1;
}
