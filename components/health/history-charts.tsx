"use client";

import { useMemo, useState } from "react";
import type { HealthSampleView } from "@/lib/health/client/types";
import { useHealthHistory } from "@/lib/health/client/use-health-history";
import { ErrorBox } from "@/components/error-box";
import { LineChart, type Series } from "./line-chart";

const WINDOWS = [
  { label: "1 hour", ms: 3_600_000 },
  { label: "6 hours", ms: 6 * 3_600_000 },
  { label: "24 hours", ms: 24 * 3_600_000 },
  { label: "72 hours", ms: 72 * 3_600_000 },
];

const METRICS: { title: string; unit: string; pick: (s: HealthSampleView) => number | null }[] = [
  { title: "Average latency", unit: " ms", pick: (s) => s.latencyAvg },
  { title: "Outstanding requests", unit: "", pick: (s) => s.outstanding },
  { title: "Znode count", unit: "", pick: (s) => s.znodeCount },
  { title: "Connections", unit: "", pick: (s) => s.connections },
];

export function HistoryCharts({ clusterId }: { clusterId: string }) {
  const [windowMs, setWindowMs] = useState(WINDOWS[0].ms);
  const history = useHealthHistory(clusterId, windowMs);
  const charts = useMemo(() => {
    const samples = history.data?.samples ?? [];
    const members = history.data?.members ?? [];
    return METRICS.map((metric) => ({
      ...metric,
      series: members.map((member): Series => ({
        name: member,
        points: samples.filter((s) => s.member === member).map((s) => ({ t: Date.parse(s.at), v: s.up ? metric.pick(s) : null })),
      })),
    }));
  }, [history.data]);

  return (
    <section className="card hl-section" aria-label="History">
      <div className="actions">
        <h2>History</h2>
        <label className="field inline">
          <span>Window</span>
          <select value={windowMs} onChange={(e) => setWindowMs(Number(e.target.value))}>
            {WINDOWS.map((w) => <option key={w.ms} value={w.ms}>{w.label}</option>)}
          </select>
        </label>
        {history.data?.truncated && <span className="muted">showing the newest samples only</span>}
      </div>
      {history.isError ? <ErrorBox error={history.error} /> : history.isPending ? <p className="muted">Loading samples…</p> : (
        <div className="hl-charts">
          {charts.map((c) => <LineChart key={c.title} title={c.title} unit={c.unit} series={c.series} />)}
        </div>
      )}
      <p className="muted">Samples are taken in the background (HEALTH_SAMPLE_INTERVAL_MS); gaps are times a member was down.</p>
    </section>
  );
}
