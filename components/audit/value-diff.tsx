"use client";

import { useMemo } from "react";
import { lineDiff } from "@/lib/editing/diff-lines";
import "./audit.css";

const SIGN = { same: " ", add: "+", del: "-" } as const;

/** Before/after of an audited value as text lines. Values are untrusted: React text only, never HTML. */
export function ValueDiff({ before, after }: { before: string | null; after: string | null }) {
  const diff = useMemo(() => lineDiff(before ?? "", after ?? ""), [before, after]);
  if (before === null && after === null) return <p className="muted">No value recorded.</p>;
  if (diff.tooLarge) return <p className="muted">Too many changes to show line by line.</p>;
  if (diff.added === 0 && diff.removed === 0) return <p className="muted">Value unchanged.</p>;
  return (
    <div className="value-diff" data-testid="value-diff" role="table" aria-label="Value before and after">
      {diff.lines.map((line, i) =>
        line.kind === "fold" ? (
          <div key={i} className="line fold" role="row">… {line.count} unchanged line{line.count === 1 ? "" : "s"}</div>
        ) : (
          <div key={i} className={`line ${line.kind}`} role="row" data-kind={line.kind}>
            <span className="no">{line.oldNo ?? ""}</span>
            <span className="no">{line.newNo ?? ""}</span>
            <span>{SIGN[line.kind]}</span>
            <span>{line.text}</span>
          </div>
        ),
      )}
    </div>
  );
}
