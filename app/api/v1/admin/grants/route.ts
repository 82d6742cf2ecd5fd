// GET/POST /api/v1/admin/grants – list grants; grant { subjectType, subject, role, clusterId?, pathPrefix? } (admins, audited)
import { NextResponse } from "next/server";
import { route } from "@/lib/access/route";
import { createGrant, listGrants } from "@/lib/admin";

export const GET = route({ permission: "admin" }, async ({ ctx }) => listGrants({ ctx }));

export const POST = route({ permission: "admin" }, async ({ ctx, body }) => NextResponse.json(await createGrant({ ctx, input: await body() }), { status: 201 }));
