// POST /api/v1/clusters/{id}/diagnostics – the cluster's connection checked step by step with its stored settings (cluster admins, audited)
import { route } from "@/lib/access/route";
import { diagnoseCluster } from "@/lib/clusters";

export const POST = route({ permission: "cluster:admin", cluster: "id" }, async ({ params, ctx }) => diagnoseCluster({ ctx, clusterId: params.id }));
