// The digest helper: the digest scheme's id for a user and password, computed on the server.
// The password is neither stored nor logged.
import { z } from "zod";
import { digestId } from "@/lib/core/zk/digest";

export const digestInput = z.object({
  user: z.string({ required_error: "user is required" }).min(1, "user is required").max(256, "user is longer than 256 characters")
    .refine((u) => !u.includes(":"), "user may not contain a colon (ZooKeeper splits user:password at the first colon)")
    .refine((u) => !/\s/.test(u), "user may not contain spaces"),
  password: z.string({ required_error: "password is required" }).min(1, "password is required").max(1024, "password is longer than 1024 characters"),
}).strict();

/** POST /api/v1/acl/digest: any signed-in user (it reveals nothing); answers only the id. */
export function computeDigest({ input }: { input: unknown }): { scheme: "digest"; id: string } {
  const { user, password } = digestInput.parse(input);
  return { scheme: "digest", id: digestId(user, password) };
}
