// POST /api/v1/account/password – { currentPassword, newPassword }: a local account changes its own password (audited)
import { route } from "@/lib/access/route";
import { changeOwnPassword } from "@/lib/auth/change-password";

export const POST = route({ permission: "signed-in", duringPasswordChange: true }, async ({ ctx, body }) => changeOwnPassword({ ctx, input: await body() }));
