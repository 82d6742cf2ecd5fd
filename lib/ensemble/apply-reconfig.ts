// Apply a planned reconfiguration: admins only, audited through the one mutation path,
// refused when the guardrails refuse the plan, and conditional on the config version the
// operator reviewed (a concurrent reconfig makes it fail instead of being overwritten).
import "server-only";
import { auditValue } from "@/lib/access/audit/values";
import { authorize } from "@/lib/access/permissions";
import { clusterOf } from "@/lib/access/clusters";
import { errors } from "@/lib/core/errors";
import { performMutation, type RequestCtx } from "@/lib/access/mutations";
import { ZkError } from "@/lib/core/zk/errors";
import { parseMembership } from "../health/parse-server-lines";
import { planReconfig, serverLine, type ReconfigPlan } from "./plan-reconfig";
import { reconfigApply } from "./schema";

export async function applyReconfig({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }) {
  const q = reconfigApply.parse(input);
  // Admins only, decided before planning reads anything (a viewer learns nothing about the config state).
  authorize(ctx.actor, "admin", await clusterOf(ctx, clusterId), "/");
  const plan = await planReconfig({ ctx, clusterId, input: q.change });
  if (plan.currentVersion.toLowerCase() !== q.fromVersion.toLowerCase()) {
    throw errors.staleConfig(plan.currentVersion, q.fromVersion);
  }
  if (plan.errors.length) throw errors.reconfigRefused(plan.errors, plan);
  const before = [...plan.current, `version=${plan.currentVersion}`].join("\n");
  // The audited path is "/": /zookeeper/* is off limits to the write path by rule; admin on the cluster root is what reconfig needs.
  return performMutation<{ config: string; plan: ReconfigPlan }>({
    ctx, clusterId, operation: "reconfig", path: "/", nodes: [{ path: "/", action: "set", needs: "admin" }], reason: q.reason,
    details: { change: q.change, joining: plan.joining, leaving: plan.leaving, fromVersion: plan.currentVersion, proposed: plan.proposed },
    before: async () => ({ ...auditValue(Buffer.from(before)), version: null }),
    run: async (client) => {
      try {
        const { data } = await client.reconfig({ joining: plan.joining ?? undefined, leaving: plan.leaving ?? undefined, fromConfig: parseInt(plan.currentVersion, 16) });
        return { config: data.toString("utf8"), plan };
      } catch (e) {
        throw (e instanceof ZkError ? errors.reconfigFailed(e.rc) : null) ?? e;
      }
    },
    // A reconfig moves members between roles and often drops the console's connection before
    // the answer arrives; the config read after the reconnect tells whether it was applied.
    readBack: async (client) => {
      await client.sync("/zookeeper/config");
      const text = (await client.getConfig()).data.toString("utf8");
      const now = parseMembership(text);
      if (now.version?.toLowerCase() === plan.currentVersion.toLowerCase()) return { applied: false };
      const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
      return same(now.servers.map(serverLine), plan.proposed) ? { applied: true, result: { config: text, plan } } : null;
    },
    after: (r) => ({ after: auditValue(Buffer.from(r.config)) }),
  });
}
