// GET/POST /api/v1/admin/service-accounts – service accounts (users that act only through API tokens); make one { name, role? } (admins, audited)
import { NextResponse } from "next/server";
import { route } from "@/lib/access/route";
import { createServiceAccount, listServiceAccounts } from "@/lib/tokens";

const decl = { permission: "admin", sessionOnly: "manage service accounts" } as const;

export const GET = route(decl, async ({ ctx }) => listServiceAccounts({ ctx }));

export const POST = route(decl, async ({ ctx, body }) => NextResponse.json(await createServiceAccount({ ctx, input: await body() }), { status: 201 }));
