// The key of the audit chain's HMAC, kept outside the database: whoever can write the database
// but not this key cannot rewrite a record and recompute the hashes after it. AUDIT_HMAC_KEY (at
// least 32 characters, e.g. `openssl rand -base64 32`), or else a random key the console creates
// once in AUDIT_KEY_FILE (default data/audit-hmac.key, mode 0600).
import { randomBytes } from "node:crypto";
import { readOrCreateSecretFile, secretFilePath } from "@/lib/core/secret-file";

export const HMAC_KEY_ENV = "AUDIT_HMAC_KEY";
const MIN_KEY_CHARS = 32;

let cached: { source: string; key: Buffer } | null = null;

/** Where the key comes from, for messages (never the key itself). */
export const auditKeySource = () => (process.env[HMAC_KEY_ENV]?.trim() ? HMAC_KEY_ENV : secretFilePath("AUDIT_KEY_FILE", "audit-hmac.key"));

export function auditChainKey(): Buffer {
  const source = auditKeySource();
  if (cached?.source === source) return cached.key;
  const fromEnv = process.env[HMAC_KEY_ENV]?.trim() || undefined;
  if (fromEnv !== undefined && fromEnv.length < MIN_KEY_CHARS) {
    throw new Error(`${HMAC_KEY_ENV} must be at least ${MIN_KEY_CHARS} characters (e.g. \`openssl rand -base64 32\`)`);
  }
  const text = fromEnv ?? readOrCreateSecretFile(source, () => randomBytes(32).toString("base64") + "\n").trim();
  cached = { source, key: Buffer.from(text, "utf8") };
  return cached.key;
}
