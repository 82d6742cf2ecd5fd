// Limits on live streams, taken before a stream opens (so before any watch is set): streams and
// watched paths per user and for the whole server, each from the environment. A stream past a
// limit is refused with 429 and a sentence naming the limit; a stream's share is given back when
// it closes, however it closes.
import { errors } from "@/lib/core/errors";

export type LiveLimits = { streamsPerUser: number; streams: number; pathsPerUser: number; watchedPaths: number };

const DEFAULTS: LiveLimits = { streamsPerUser: 20, streams: 1000, pathsPerUser: 1000, watchedPaths: 20_000 };
const ENV: Record<keyof LiveLimits, string> = { streamsPerUser: "LIVE_STREAMS_PER_USER", streams: "LIVE_STREAMS_MAX", pathsPerUser: "LIVE_PATHS_PER_USER", watchedPaths: "LIVE_WATCHED_PATHS_MAX" };

export function liveLimits(env: NodeJS.ProcessEnv = process.env): LiveLimits {
  const out = { ...DEFAULTS };
  for (const key of Object.keys(ENV) as (keyof LiveLimits)[]) {
    const raw = env[ENV[key]]?.trim();
    if (!raw) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${ENV[key]} must be a whole number of at least 1 (got ${JSON.stringify(raw)})`);
    out[key] = n;
  }
  return out;
}

type Usage = { streams: number; paths: number };
type Registry = { users: Map<string, Usage>; streams: number };
const registry: Registry = ((globalThis as { __zkLiveLimits?: Registry }).__zkLiveLimits ??= { users: new Map(), streams: 0 });

/** What is open now (tests, diagnostics). */
export const openStreams = () => ({ streams: registry.streams, users: new Map(registry.users) });

/**
 * Take one stream of `paths` for `userId`, or throw 429. `newlyWatched` is how many of its paths
 * no hub watches yet, `watched` how many all hubs watch now. Returns the release (idempotent).
 */
export function admitStream(userId: string, paths: number, newlyWatched: number, watched: number, limits = liveLimits()): () => void {
  const mine = registry.users.get(userId) ?? { streams: 0, paths: 0 };
  const refuse = (what: string, limit: number, env: string) =>
    errors.tooManyLiveStreams(`${what} (the limit is ${limit}, ${env}); close live views you no longer need (other tabs, the Live tab) and try again`, { limit, env });
  if (mine.streams + 1 > limits.streamsPerUser) throw refuse(`you have ${mine.streams} live streams open`, limits.streamsPerUser, ENV.streamsPerUser);
  if (mine.paths + paths > limits.pathsPerUser) throw refuse(`your open live streams watch ${mine.paths} znodes and this one adds ${paths}`, limits.pathsPerUser, ENV.pathsPerUser);
  if (registry.streams + 1 > limits.streams) throw refuse(`the console serves ${registry.streams} live streams already`, limits.streams, ENV.streams);
  if (watched + newlyWatched > limits.watchedPaths) throw refuse(`the console watches ${watched} znodes already and this stream adds ${newlyWatched}`, limits.watchedPaths, ENV.watchedPaths);
  registry.users.set(userId, { streams: mine.streams + 1, paths: mine.paths + paths });
  registry.streams++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    registry.streams--;
    const now = registry.users.get(userId)!;
    if (now.streams <= 1) registry.users.delete(userId);
    else registry.users.set(userId, { streams: now.streams - 1, paths: now.paths - paths });
  };
}
