// GET/POST /api/v1/clusters – the clusters the caller may see; register one (admins, audited)
import { NextResponse } from "next/server";
import { route } from "@/lib/access/route";
import { listVisibleClusters, registerCluster } from "@/lib/clusters";

export const GET = route({ permission: "signed-in" }, async ({ ctx }) => ({ clusters: await listVisibleClusters(ctx.actor) }));

export const POST = route({ permission: "admin" }, async ({ ctx, body }) => NextResponse.json({ cluster: await registerCluster({ ctx, input: await body() }) }, { status: 201 }));
