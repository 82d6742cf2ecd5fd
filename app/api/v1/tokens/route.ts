// GET/POST /api/v1/tokens – your API tokens (admins: also service accounts'); make one { name, role, clusterId?, pathPrefix?, readOnly?, metrics?, expiresInDays, serviceAccountId? } → the token once
import { NextResponse } from "next/server";
import { route } from "@/lib/access/route";
import { createToken, listTokens } from "@/lib/tokens";

const decl = { permission: "signed-in", sessionOnly: "manage API tokens" } as const;

export const GET = route(decl, async ({ ctx }) => listTokens({ ctx }));

export const POST = route(decl, async ({ ctx, body }) => NextResponse.json(await createToken({ ctx, input: await body() }), { status: 201 }));
