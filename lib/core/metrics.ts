// The one Prometheus registry of the process (GET /metrics renders it, lib/metrics fills in the
// scrape-time gauges), and the console's own counters and histograms that code below the domains
// updates: HTTP requests (observed by server.mjs, which serves every request), audit appends,
// session worker restarts. Held on globalThis: route bundles, the instrumentation hook and
// server.mjs share one process, and a reload must not register a metric twice.
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export const CONSOLE_PREFIX = "zkconsole_";

export type ConsoleMetrics = {
  registry: Registry;
  /** Request latency by method, route pattern (never the raw URL: bounded labels) and status. */
  httpDuration: Histogram<"method" | "route" | "status">;
  auditAppendDuration: Histogram;
  auditAppendFailures: Counter;
  workerRestarts: Counter<"worker">;
};

/** The key server.mjs finds the metrics by (it cannot import TypeScript). */
const KEY = Symbol.for("zk-console.metrics");

function create(): ConsoleMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: CONSOLE_PREFIX });
  return {
    registry,
    httpDuration: new Histogram({
      name: `${CONSOLE_PREFIX}http_request_duration_seconds`, help: "HTTP requests served, by method, route pattern and status",
      labelNames: ["method", "route", "status"], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
    }),
    auditAppendDuration: new Histogram({
      name: `${CONSOLE_PREFIX}audit_append_duration_seconds`, help: "Appending one record to the audit chain (lock, head, insert; retries included)",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10], registers: [registry],
    }),
    auditAppendFailures: new Counter({
      name: `${CONSOLE_PREFIX}audit_append_failures_total`, help: "Audit appends that failed (the change they record is refused: audit fails closed)", registers: [registry],
    }),
    workerRestarts: new Counter({
      name: `${CONSOLE_PREFIX}session_worker_restarts_total`, help: "Session worker processes started again after one ended (its clusters reconnect)",
      labelNames: ["worker"], registers: [registry],
    }),
  };
}

export function consoleMetrics(): ConsoleMetrics {
  const g = globalThis as { [KEY]?: ConsoleMetrics };
  return (g[KEY] ??= create());
}

/** Time an audit append: its latency, and a failure when it throws. */
export async function timedAuditAppend<T>(append: () => Promise<T>): Promise<T> {
  const m = consoleMetrics();
  const end = m.auditAppendDuration.startTimer();
  try {
    return await append();
  } catch (e) {
    m.auditAppendFailures.inc();
    throw e;
  } finally {
    end();
  }
}
