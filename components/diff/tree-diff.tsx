"use client";

import { useState } from "react";
import { ErrorBox } from "@/components/error-box";
import { useClusters } from "@/lib/clusters/client/use-clusters";
import type { DiffDone, DiffRow } from "@/lib/diff/schema";
import { parseSide, type DiffSides } from "@/lib/diff/client/urls";
import { useDiff } from "@/lib/diff/client/use-diff";
import { NodeDiff, type NodeRow } from "./node-diff";
import { PromoteReview } from "./promote-review";
import "./compare.css";

// Rows drawn at once; the diff itself goes on to the end (its counts are in `done`).
const MAX_SHOWN = 2000;
const MARK = { added: "+", removed: "−", changed: "~" } as const;
const depthOf = (path: string) => (path === "/" ? 0 : path.split("/").length - 2);
const nameOf = (path: string) => (path === "/" ? "/" : path.slice(path.lastIndexOf("/") + 1));

/** One side's cell of a row: the node's name indented by depth, or empty when the node is not on that side. */
function Cell({ row, side }: { row: NodeRow; side: "left" | "right" }) {
  const here = row.type === "changed" || (side === "left" ? row.type === "added" : row.type === "removed");
  if (!here) return <span className="diff-cell absent" />;
  return (
    <span className={`diff-cell ${row.type}`} style={{ paddingLeft: `${depthOf(row.path) * 1.2 + 0.4}em` }}>
      <span className="diff-mark" aria-hidden>{MARK[row.type]}</span> <code>{nameOf(row.path)}</code>
    </span>
  );
}

/** The two trees side by side, only where they differ, with a per-node diff and promotion of the chosen nodes. */
export function TreeDiff({ sides }: { sides: DiffSides }) {
  const diff = useDiff(sides);
  const clusters = useClusters();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [review, setReview] = useState<string[] | "all" | null>(null);
  const label = (side: string) => {
    const { clusterId, path } = parseSide(side);
    return `${clusters.data?.find((c) => c.id === clusterId)?.name ?? clusterId}:${path}`;
  };
  if (diff.isError) return <ErrorBox error={diff.error} />;
  const all = diff.data ?? [];
  const rows = all.filter((r): r is NodeRow => r.type === "added" || r.type === "removed" || r.type === "changed");
  const done = all.find((r): r is DiffDone => r.type === "done");
  const toggle = (path: string) => setChosen((prev) => { const next = new Set(prev); if (next.has(path)) next.delete(path); else next.add(path); return next; });
  const shown = rows.find((r) => r.path === open);
  return (
    <section className="card" aria-label="Differences">
      <p className="muted" role="status" data-testid="diff-status">
        {done
          ? `${done.compared.toLocaleString()} znodes compared: ${done.added} only on the left, ${done.removed} only on the right, ${done.changed} changed, ${done.unchanged.toLocaleString()} the same${done.truncated ? " (stopped at the node limit)" : ""}`
          : `Comparing… ${rows.length.toLocaleString()} differences so far`}
      </p>
      <div className="actions">
        <button type="button" className="button primary" disabled={chosen.size === 0} onClick={() => setReview([...chosen])}>Promote selected ({chosen.size})…</button>
        <button type="button" className="button" disabled={!done || rows.length === 0} onClick={() => setReview("all")}>Promote everything…</button>
      </div>
      <div className="diff-grid" role="table" aria-label="Left and right trees">
        <div className="diff-row diff-head" role="row">
          <span role="columnheader" />
          <span role="columnheader">Left: <code>{label(sides.left)}</code></span>
          <span role="columnheader">Right: <code>{label(sides.right)}</code></span>
        </div>
        {rows.slice(0, MAX_SHOWN).map((r) => (
          <div key={r.path} role="row" data-testid="diff-row" data-path={r.path} data-kind={r.type} className={open === r.path ? "diff-row open" : "diff-row"} onClick={() => setOpen(r.path)}>
            <span role="cell"><input type="checkbox" aria-label={`Promote ${r.path}`} checked={chosen.has(r.path)} onClick={(e) => e.stopPropagation()} onChange={() => toggle(r.path)} /></span>
            <span role="cell"><Cell row={r} side="left" /></span>
            <span role="cell"><Cell row={r} side="right" /></span>
          </div>
        ))}
      </div>
      {rows.length > MAX_SHOWN && <p className="muted">Showing the first {MAX_SHOWN.toLocaleString()} of {rows.length.toLocaleString()} differences.</p>}
      {done && rows.length === 0 && <p data-testid="diff-empty">No differences.</p>}
      {shown && <NodeDiff row={shown} />}
      {review && (
        <PromoteReview
          sides={sides}
          paths={review === "all" ? undefined : review}
          deleteExtra={review === "all" ? false : rows.some((r) => r.type === "removed" && review.includes(r.path))}
          onClose={(applied) => { setReview(null); if (applied) setChosen(new Set()); }}
        />
      )}
    </section>
  );
}
