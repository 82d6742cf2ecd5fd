// Scrape-time gauges: set from the current state just before the registry is rendered, each
// cleared first so a cluster or member that is gone leaves no stale series behind.
import { Gauge } from "prom-client";
import { consoleMetrics } from "@/lib/core/metrics";

/** The gauge of this name in the process registry, registered on first use (one per process). */
export function gauge<L extends string>(name: string, help: string, labelNames: readonly L[]): Gauge<L> {
  const { registry } = consoleMetrics();
  return (registry.getSingleMetric(name) as Gauge<L> | undefined) ?? new Gauge<L>({ name, help, labelNames, registers: [registry] });
}
