// audit and clusters: who changed what (admins), and which clusters the token sees.
import type { Command } from "commander";
import { type Session, wholeNumber } from "../session";

type Entry = { id: number; at: string; actor: { name: string }; cluster: { name: string | null } | null; operation: string; path: string | null; outcome: string; reason: string | null };

export function registerAuditCommands(program: Command, open: () => Session) {
  program.command("audit").description("the audit trail, newest first (admin tokens)")
    .option("--actor <text>", "only this actor (a user, or a token's name)")
    .option("--path-prefix <path>", "only znodes under this path")
    .option("--operation <op>", "only this operation (set, create, delete, import, …)")
    .option("--outcome <outcome>", "ok, failed, unknown or pending")
    .option("--since <time>", "only entries from this date/time on (ISO 8601)")
    .option("--limit <n>", "at most this many entries (≤ 500)", wholeNumber("--limit", 1), 50)
    .action(async (o: { actor?: string; pathPrefix?: string; operation?: string; outcome?: string; since?: string; limit: number }) => {
      const s = open();
      const clusterId = s.explicitCluster ? (await s.cluster()).id : undefined;
      const query = { actor: o.actor, clusterId, pathPrefix: o.pathPrefix, operation: o.operation, outcome: o.outcome, from: o.since, limit: o.limit };
      const r = await s.api.json<{ entries: Entry[]; nextBefore: number | null }>("GET", "/api/v1/audit", { query });
      s.print.result(r, () => s.print.table(["ID", "AT", "ACTOR", "OPERATION", "CLUSTER", "PATH", "OUTCOME"],
        r.entries.map((e) => [e.id, e.at, e.actor.name, e.operation, e.cluster?.name ?? "-", e.path ?? "-", e.outcome])));
    });

  program.command("clusters").description("the clusters this token sees")
    .action(async () => {
      const s = open();
      const clusters = await s.clusters();
      s.print.result({ clusters }, () => s.print.table(["ID", "NAME", "ENVIRONMENT", "SESSION", "READ-ONLY"],
        clusters.map((c) => [c.id, c.name, c.environment ?? "-", c.session?.state ?? "-", c.readOnly ? "yes" : "no"])));
    });
}
