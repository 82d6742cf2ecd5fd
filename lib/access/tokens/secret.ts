// API token secrets: `zkc_` and 43 base64url characters (256 random bits). Only the SHA-256 of a
// token is stored. A slow password hash (scrypt, argon2) would add nothing: it slows guessing of
// low-entropy secrets, and guessing 256 random bits is out of reach at any speed; a fast hash also
// keeps the lookup on every API request cheap (an index on the digest, no per-row salt).
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "zkc_";
const TOKEN_SHAPE = /^zkc_[A-Za-z0-9_-]{43}$/;

/** A new token, its digest (stored) and its hint (the first characters, shown in lists). */
export function newTokenSecret(): { token: string; secretHash: string; hint: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, secretHash: hashTokenSecret(token), hint: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export const hashTokenSecret = (token: string): string => createHash("sha256").update(token).digest("hex");

/** Whether a Bearer value is shaped like a console API token (anything else is not looked up). */
export const isTokenShaped = (value: string): boolean => TOKEN_SHAPE.test(value);

/** The API token of a request (`Authorization: Bearer zkc_…`), or null when it has none. */
export function bearerTokenOf(authorization: string | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return m && m[1].startsWith(TOKEN_PREFIX) ? m[1] : null;
}
