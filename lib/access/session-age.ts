// How long a console session lasts: SESSION_MAX_AGE seconds (default 8 h). Groups and roles from
// the IdP are read at sign-in, so a group removed there takes effect at the next sign-in at the
// latest: a shorter session bounds that (the console does not refresh IdP tokens).
const DEFAULT_SECONDS = 8 * 60 * 60;
const MIN_SECONDS = 60;
const MAX_SECONDS = 30 * 24 * 60 * 60;

export function sessionMaxAgeSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SESSION_MAX_AGE?.trim();
  if (!raw) return DEFAULT_SECONDS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < MIN_SECONDS || n > MAX_SECONDS) {
    throw new Error(`SESSION_MAX_AGE must be a whole number of seconds from ${MIN_SECONDS} to ${MAX_SECONDS} (got ${JSON.stringify(raw)})`);
  }
  return n;
}
