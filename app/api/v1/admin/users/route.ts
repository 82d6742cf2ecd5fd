// GET|POST /api/v1/admin/users – users with last login, groups and effective grants · create a local account { username, password, displayName?, role?, mustChangePassword? } (admins, audited)
import { NextResponse } from "next/server";
import { route } from "@/lib/access/route";
import { createLocalUser, listUsers } from "@/lib/admin";

export const GET = route({ permission: "admin" }, async ({ ctx }) => listUsers({ ctx }));

export const POST = route({ permission: "admin" }, async ({ ctx, body }) => NextResponse.json(await createLocalUser({ ctx, input: await body() }), { status: 201 }));
