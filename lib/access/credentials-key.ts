// The key that encrypts cluster credentials at rest: CONSOLE_SECRET_KEY, either 32 random bytes
// (base64 or hex) or a passphrase stretched with scrypt. Derived once per process.
import { scryptSync } from "node:crypto";

export const KEY_ENV = "CONSOLE_SECRET_KEY";
const MIN_PASSPHRASE = 16;
// A fixed salt is fine here: the passphrase protects one key, not many users' passwords.
const SALT = "zk-console/cluster-credentials/v1";
export const KEY_HINT = `set ${KEY_ENV} to 32 random bytes as base64 or hex (e.g. \`openssl rand -base64 32\`) or to a passphrase of at least ${MIN_PASSPHRASE} characters`;

type Loaded = { value: string; key: Buffer | null; problem: string | null };
let loaded: Loaded | null = null;

function decodeRaw(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const buf = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (buf.length === 32) return buf;
  }
  return null;
}

/** The key a value of `name` (CONSOLE_SECRET_KEY, or the new key of a rotation) stands for. */
export function keyFrom(rawValue: string | undefined, name = KEY_ENV): Loaded {
  const value = (rawValue ?? "").trim();
  if (!value) return { value, key: null, problem: `${name} is not set` };
  const raw = decodeRaw(value);
  if (raw) return { value, key: raw, problem: null };
  if (value.length < MIN_PASSPHRASE) return { value, key: null, problem: `${name} is neither 32 bytes (base64/hex) nor a passphrase of at least ${MIN_PASSPHRASE} characters` };
  return { value, key: scryptSync(value, SALT, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }), problem: null };
}

function load(): Loaded {
  const value = (process.env[KEY_ENV] ?? "").trim();
  if (!loaded || loaded.value !== value) loaded = keyFrom(value);
  return loaded;
}

/** The 32-byte key, or null with the reason. */
export function credentialKey(): { key: Buffer; problem: null } | { key: null; problem: string } {
  const { key, problem } = load();
  return key ? { key, problem: null } : { key: null, problem: problem ?? `${KEY_ENV} is not usable` };
}
