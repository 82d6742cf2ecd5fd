// GET|POST|PUT|DELETE /api/v1/clusters/{id}/znode?path= – read, create, set data, delete a znode
import { NextResponse } from "next/server";
import { route } from "@/lib/access/route";
import { createNode, deleteNode, getNode, setData } from "@/lib/znodes";

export const GET = route({ permission: "znode:read", cluster: "id", path: "?path" }, async ({ params, query, ctx }) => getNode({ ctx, clusterId: params.id, input: query }));

export const POST = route({ permission: "znode:write", cluster: "id", path: "?path", audit: "create" }, async ({ params, query, ctx, body }) =>
  NextResponse.json(await createNode({ ctx, clusterId: params.id, path: query.path ?? "", input: await body() }), { status: 201 }));

export const PUT = route({ permission: "znode:write", cluster: "id", path: "?path", audit: "set" }, async ({ params, query, ctx, body }) => ({ stat: await setData({ ctx, clusterId: params.id, path: query.path ?? "", input: await body() }) }));

export const DELETE = route({ permission: "znode:write", cluster: "id", path: "?path", audit: (q) => (q.get("recursive") === "true" ? "delete_recursive" : "delete") }, async ({ params, query, ctx }) => deleteNode({ ctx, clusterId: params.id, path: query.path ?? "", input: query }));
