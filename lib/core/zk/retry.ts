// Send a call again after a lost connection. The C client reconnects (to another member after a
// leader election or a member failure) and keeps the session, so a read can simply be repeated;
// a write may be repeated only where its "already done" answer is recognised by the caller.
import { isDecidableByReadBack } from "./errors";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type RetryOptions = {
  /** Give up when the next attempt would start after this long (default 15 s). */
  withinMs?: number;
  onRetry?: (error: unknown, attempt: number) => void;
};

/** `op` again while it fails with a connection loss ZooKeeper answered for nobody; other errors at once. */
export async function retryAfterConnectionLoss<T>(op: (attempt: number) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const deadline = Date.now() + (opts.withinMs ?? 15_000);
  for (let attempt = 1, delay = 100; ; attempt++, delay = Math.min(delay * 2, 2000)) {
    try {
      return await op(attempt);
    } catch (e) {
      if (!isDecidableByReadBack(e) || Date.now() + delay > deadline) throw e;
      opts.onRetry?.(e, attempt);
      await sleep(delay);
    }
  }
}
