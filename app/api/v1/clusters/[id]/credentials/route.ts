// GET|POST /api/v1/clusters/{id}/credentials – the cluster's ZooKeeper credentials (scheme + label only); add one (admins, audited)
import { NextResponse } from "next/server";
import { route } from "@/lib/access/route";
import { addCredential, listCredentials } from "@/lib/clusters";

export const GET = route({ permission: "cluster:admin", cluster: "id" }, async ({ params, ctx }) => ({ credentials: await listCredentials({ ctx, clusterId: params.id }) }));

export const POST = route({ permission: "cluster:admin", cluster: "id" }, async ({ params, ctx, body }) =>
  NextResponse.json({ credential: await addCredential({ ctx, clusterId: params.id, input: await body() }) }, { status: 201 }));
