// GET /metrics: the process registry in the Prometheus text format, with the scrape-time gauges
// (sessions, watches, viewers, the members' latest samples) set first.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import { consoleMetrics } from "@/lib/core/metrics";
import { latestSamples } from "@/lib/health";
import { setConsoleGauges } from "./console-gauges";
import { setMemberGauges } from "./member-gauges";

export async function renderMetrics({ ctx }: { ctx: RequestCtx }): Promise<{ contentType: string; body: string }> {
  const clusters = await ctx.db.cluster.findMany({ select: { id: true, name: true } });
  const names = new Map(clusters.map((c) => [c.id, c.name]));
  const samples = await latestSamples(ctx.db, clusters.map((c) => c.id));
  // Set without an await in between: each gauge holds one scrape's whole picture, never half of two.
  setConsoleGauges(names);
  setMemberGauges(samples, names);
  const { registry } = consoleMetrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
