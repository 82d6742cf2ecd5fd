// The digest scheme's id for a user and password, computed like ZooKeeper's
// DigestAuthenticationProvider.generateDigest.
import { createHash } from "node:crypto";

/** `user:base64(sha1("user:password"))`. */
export function digestId(user: string, password: string): string {
  return `${user}:${createHash("sha1").update(`${user}:${password}`, "utf8").digest("base64")}`;
}

/** The digest id of a `user:password` credential (as add_auth takes it). */
export function digestIdOfCredential(credential: string): string {
  const colon = credential.indexOf(":");
  return digestId(credential.slice(0, colon), credential.slice(colon + 1));
}
