// GET /api/v1/ensemble/{clusterId}/config – the cluster's dynamic configuration (/zookeeper/config)
import { route } from "@/lib/access/route";
import { currentConfig } from "@/lib/ensemble";

export const GET = route({ permission: "znode:read", cluster: "clusterId", path: "/zookeeper/config" }, async ({ ctx, params }) => currentConfig({ ctx, clusterId: params.clusterId }));
