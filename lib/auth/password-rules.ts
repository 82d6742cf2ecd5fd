// What a console account's password must be: at least 12 characters, not the username (nor
// containing it), and not one of the ~49,000 most common passwords (the list zxcvbn-ts ships in
// @zxcvbn-ts/language-common), also when only digits or symbols were added at its end.
import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

let common: Set<string> | null = null;
const commonPasswords = () => (common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase())));

/** The broken rule in words, or null when the password may be used. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `the password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (password.length > MAX_PASSWORD_LENGTH) return `the password must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name && (lower === name || (name.length >= 4 && lower.includes(name)))) return "the password must not be or contain the username";
  const stem = lower.replace(/[^a-z]+$/, "");
  if (commonPasswords().has(lower) || (stem.length >= 4 && commonPasswords().has(stem))) return "the password is one of the most common passwords; choose another (a few random words work well)";
  if (new Set(lower).size < 4) return "the password repeats too few characters; choose another";
  return null;
}
