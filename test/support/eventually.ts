export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retry `fn` until it succeeds or `timeoutMs` passes (reconnects and elections take a moment). */
export async function eventually<T>(fn: () => Promise<T> | T, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await sleep(everyMs);
    }
  }
}
