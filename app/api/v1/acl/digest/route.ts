// POST /api/v1/acl/digest – { user, password } → the digest ACL id; the password is not stored or logged
import { route } from "@/lib/access/route";
import { computeDigest } from "@/lib/acl";

export const POST = route({ permission: "signed-in", maxBodyBytes: 64 * 1024 }, async ({ body }) => computeDigest({ input: await body() }));
