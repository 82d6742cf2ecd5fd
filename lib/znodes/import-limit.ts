// IMPORT_MAX_BYTES: the largest import file the console reads (default 512 MiB). Checked at
// start-up (lib/auth/config-check.ts), so a bad value stops the console with this sentence.
export const IMPORT_MAX_BYTES_ENV = "IMPORT_MAX_BYTES";
const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

export function importMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[IMPORT_MAX_BYTES_ENV]?.trim();
  if (!raw) return DEFAULT_MAX_BYTES;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1024) throw new Error(`${IMPORT_MAX_BYTES_ENV} must be a whole number of bytes, at least 1024 (got ${JSON.stringify(raw)})`);
  return n;
}
