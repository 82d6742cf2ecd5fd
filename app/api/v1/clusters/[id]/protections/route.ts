// GET|POST /api/v1/clusters/{id}/protections – protected path prefixes · protect { pathPrefix, approvals: 1..3 } (cluster admins, audited)
import { NextResponse } from "next/server";
import { route } from "@/lib/access/route";
import { createProtection, listProtections } from "@/lib/changes";

export const GET = route({ permission: "cluster:visible", cluster: "id" }, async ({ ctx, params }) => listProtections({ ctx, clusterId: params.id }));

export const POST = route({ permission: "cluster:admin", cluster: "id" }, async ({ ctx, params, body }) => NextResponse.json(await createProtection({ ctx, clusterId: params.id, input: await body() }), { status: 201 }));
