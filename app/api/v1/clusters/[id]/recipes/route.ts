// GET /api/v1/clusters/{id}/recipes?roots=&maxDepth=&maxNodes= – locks, elections, service registrations (bounded scan)
import { route } from "@/lib/access/route";
import { scanRecipes } from "@/lib/recipes";

export const GET = route({ permission: "znode:read", cluster: "id" }, async ({ ctx, params, query }) => scanRecipes({ ctx, clusterId: params.id, input: query }));
