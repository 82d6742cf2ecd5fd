// POST /api/v1/clusters/test – try a connection string before registering it (admins, audited)
import { route } from "@/lib/access/route";
import { testClusterConnection } from "@/lib/clusters";

export const POST = route({ permission: "admin" }, async ({ ctx, body }) => testClusterConnection({ ctx, input: await body() }));
