// Secrets the console makes for itself once and keeps outside its database (the audit chain's
// HMAC key, the checkpoint signing key): read from their file, or created there (0600) on first
// use. Two processes starting at once agree: the loser of the exclusive create reads the winner's.
import fs from "node:fs";
import path from "node:path";

/** `env` names the file (else data/<name> under the working directory). */
export const secretFilePath = (env: string, name: string) => process.env[env]?.trim() || path.join(process.cwd(), "data", name);

export function readOrCreateSecretFile(file: string, make: () => string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, make(), { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return fs.readFileSync(file, "utf8");
}
