// The digest scheme's id for a user and password, computed on the server like ZooKeeper's
// DigestAuthenticationProvider.generateDigest. The password is neither stored nor logged.
import { createHash } from "node:crypto";
import { z } from "zod";

export const digestInput = z.object({
  user: z.string({ required_error: "user is required" }).min(1, "user is required").max(256, "user is longer than 256 characters")
    .refine((u) => !u.includes(":"), "user may not contain a colon (ZooKeeper splits user:password at the first colon)")
    .refine((u) => !/\s/.test(u), "user may not contain spaces"),
  password: z.string({ required_error: "password is required" }).min(1, "password is required").max(1024, "password is longer than 1024 characters"),
}).strict();

/** `user:base64(sha1("user:password"))`. */
export function digestId(user: string, password: string): string {
  return `${user}:${createHash("sha1").update(`${user}:${password}`, "utf8").digest("base64")}`;
}

/** The digest id of a `user:password` credential (as add_auth takes it). */
export function digestIdOfCredential(credential: string): string {
  const colon = credential.indexOf(":");
  return digestId(credential.slice(0, colon), credential.slice(colon + 1));
}

/** POST /api/v1/acl/digest: any signed-in user (it reveals nothing); answers only the id. */
export function computeDigest({ input }: { input: unknown }): { scheme: "digest"; id: string } {
  const { user, password } = digestInput.parse(input);
  return { scheme: "digest", id: digestId(user, password) };
}
