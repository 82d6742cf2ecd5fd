// POST /api/v1/clusters/test – try a connection string before registering it
import { route } from "@/lib/api/route";
import { testConnection } from "@/lib/clusters";

export const POST = route(async ({ body }) => testConnection(await body()));
