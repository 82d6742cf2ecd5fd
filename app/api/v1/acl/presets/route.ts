// GET|POST /api/v1/acl/presets – built-in and saved ACL presets; save one (admins, audited)
import { NextResponse } from "next/server";
import { route } from "@/lib/access/route";
import { createPreset, listPresets } from "@/lib/acl";

export const GET = route({ permission: "signed-in" }, async () => ({ presets: await listPresets() }));

export const POST = route({ permission: "admin" }, async ({ ctx, body }) => NextResponse.json({ preset: await createPreset({ ctx, input: await body() }) }, { status: 201 }));
