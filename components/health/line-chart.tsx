// A small SVG line chart: one line per series over time, gaps where a value is missing.
import { useMemo } from "react";

export type Series = { name: string; points: { t: number; v: number | null }[] };

const COLORS = ["#2457c5", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#ad1457", "#455a64"];
const W = 480;
const H = 160;
const PAD = { left: 44, right: 10, top: 8, bottom: 20 };

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const exp = 10 ** Math.floor(Math.log10(v));
  const f = v / exp;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * exp;
}

const clock = (t: number) => new Date(t).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });

export function LineChart({ title, series, unit = "" }: { title: string; series: Series[]; unit?: string }) {
  const { paths, maxV, minT, maxT } = useMemo(() => {
    const all = series.flatMap((s) => s.points);
    const ts = all.map((p) => p.t);
    const vs = all.map((p) => p.v).filter((v): v is number => v !== null);
    const minT = Math.min(...ts);
    const maxT = Math.max(...ts);
    const maxV = niceMax(Math.max(0, ...vs));
    const x = (t: number) => PAD.left + (maxT === minT ? 0.5 : (t - minT) / (maxT - minT)) * (W - PAD.left - PAD.right);
    const y = (v: number) => H - PAD.bottom - (v / maxV) * (H - PAD.top - PAD.bottom);
    const paths = series.map((s) => {
      let d = "";
      let pen = false;
      for (const p of s.points) {
        if (p.v === null) { pen = false; continue; }
        d += `${pen ? "L" : "M"}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`;
        pen = true;
      }
      return d;
    });
    return { paths, maxV, minT, maxT };
  }, [series]);

  const empty = !series.some((s) => s.points.some((p) => p.v !== null));
  const ticks = [0, maxV / 2, maxV];
  const yOf = (v: number) => H - PAD.bottom - (v / maxV) * (H - PAD.top - PAD.bottom);
  return (
    <figure className="hl-chart" data-testid={`chart-${title}`}>
      <h3>{title}</h3>
      {empty ? (
        <p className="muted">No samples yet.</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title} per member over time`}>
          {ticks.map((v) => (
            <g key={v}>
              <line className="grid" x1={PAD.left} x2={W - PAD.right} y1={yOf(v)} y2={yOf(v)} />
              <text x={PAD.left - 4} y={yOf(v) + 3} textAnchor="end">{`${Number(v.toPrecision(3))}${unit}`}</text>
            </g>
          ))}
          <line className="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} />
          <line className="axis" x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
          <text x={PAD.left} y={H - 6} textAnchor="start">{clock(minT)}</text>
          <text x={W - PAD.right} y={H - 6} textAnchor="end">{clock(maxT)}</text>
          {paths.map((d, i) => (
            <path key={series[i].name} d={d} fill="none" stroke={COLORS[i % COLORS.length]} strokeWidth={1.6} />
          ))}
        </svg>
      )}
      <figcaption className="hl-legend">
        {series.map((s, i) => (
          <span key={s.name}><i style={{ background: COLORS[i % COLORS.length] }} />{s.name}</span>
        ))}
      </figcaption>
    </figure>
  );
}
