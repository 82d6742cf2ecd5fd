// Apply a planned reconfiguration: admins only, audited through the one mutation path,
// refused when the guardrails refuse the plan, and conditional on the config version the
// operator reviewed (a concurrent reconfig makes it fail instead of being overwritten).
import "server-only";
import { auditValue } from "@/lib/access/audit/values";
import { authorize } from "@/lib/access/permissions";
import { getCluster } from "@/lib/access/clusters";
import { ConsoleError } from "@/lib/core/errors";
import { performMutation, type RequestCtx } from "@/lib/access/mutations";
import { ZkError } from "@/lib/core/zk/errors";
import { parseMembership } from "../health/parse-server-lines";
import { planReconfig, serverLine, type ReconfigPlan } from "./plan-reconfig";
import { reconfigApply } from "./reconfig-schema";

const RECONFIG_ERRORS: Record<number, [string, number, string]> = {
  [-123]: ["RECONFIG_DISABLED", 409, "the ensemble has dynamic reconfiguration disabled: set reconfigEnabled=true in every member's zoo.cfg"],
  [-13]: ["NEW_CONFIG_NO_QUORUM", 409, "ZooKeeper refused: the new configuration's voters are not connected and synced (start the joining server first)"],
  [-14]: ["RECONFIG_IN_PROGRESS", 409, "another reconfiguration is in progress; try again when it finished"],
  [-102]: ["NO_AUTH", 403, "the console's session may not reconfigure this ensemble: give the cluster a super-user digest credential, or run the servers with -Dzookeeper.skipACL=yes"],
  [-103]: ["BAD_VERSION", 409, "the configuration changed since you reviewed it: plan again"],
};

export async function applyReconfig({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }) {
  const q = reconfigApply.parse(input);
  // Admins only, decided before planning reads anything (a viewer learns nothing about the config state).
  authorize(ctx.actor, "admin", await getCluster(clusterId), "/");
  const plan = await planReconfig({ ctx, clusterId, input: q.change });
  if (plan.currentVersion.toLowerCase() !== q.fromVersion.toLowerCase()) {
    throw new ConsoleError("BAD_VERSION", 409, `the configuration is now at version ${plan.currentVersion}, not ${q.fromVersion} that you reviewed: plan again`);
  }
  if (plan.errors.length) throw new ConsoleError("RECONFIG_REFUSED", 409, plan.errors.join("; "), { errors: plan.errors, plan });
  const before = [...plan.current, `version=${plan.currentVersion}`].join("\n");
  // The audited path is "/": /zookeeper/* is off limits to the write path by rule; admin on the cluster root is what reconfig needs.
  return performMutation<{ config: string; plan: ReconfigPlan }>({
    ctx, clusterId, operation: "reconfig", action: "admin", path: "/", reason: q.reason,
    details: { change: q.change, joining: plan.joining, leaving: plan.leaving, fromVersion: plan.currentVersion, proposed: plan.proposed },
    before: async () => ({ ...auditValue(Buffer.from(before)), version: null }),
    run: async (client) => {
      try {
        const { data } = await client.reconfig({ joining: plan.joining ?? undefined, leaving: plan.leaving ?? undefined, fromConfig: parseInt(plan.currentVersion, 16) });
        return { config: data.toString("utf8"), plan };
      } catch (e) {
        const known = e instanceof ZkError ? RECONFIG_ERRORS[e.rc] : undefined;
        throw known ? new ConsoleError(known[0], known[1], known[2]) : e;
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
