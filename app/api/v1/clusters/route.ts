// GET/POST /api/v1/clusters – list and register clusters
import { route } from "@/lib/api/route";
import { createCluster, listClusters } from "@/lib/clusters";
import { NextResponse } from "next/server";

export const GET = route(async () => ({ clusters: await listClusters() }));

export const POST = route(async ({ body }) => NextResponse.json({ cluster: await createCluster(await body()) }, { status: 201 }));
