"use client";

import { useMemo } from "react";
import { lineDiff } from "@/lib/editing/diff-lines";

const SIGN = { same: " ", add: "+", del: "-" } as const;

// Values are untrusted: every line is rendered as React text.
export function DiffView({ before, after, label = "Changes" }: { before: string; after: string; label?: string }) {
  const diff = useMemo(() => lineDiff(before, after), [before, after]);
  if (diff.tooLarge) return <p className="notice">Too many changes to show line by line; review the new value itself before saving.</p>;
  if (diff.added === 0 && diff.removed === 0) return <p className="muted" data-testid="diff-none">No changes.</p>;
  return (
    <div>
      <p className="muted">
        {label}: <span className="ok-text">+{diff.added}</span> <span className="error-text">−{diff.removed}</span> lines
      </p>
      <div className="diff" data-testid="diff" role="table" aria-label={label}>
        {diff.lines.map((line, i) =>
          line.kind === "fold" ? (
            <div key={i} className="diff-line fold" role="row">
              … {line.count} unchanged line{line.count === 1 ? "" : "s"}
            </div>
          ) : (
            <div key={i} className={`diff-line ${line.kind}`} role="row" data-kind={line.kind}>
              <span className="no">{line.oldNo ?? ""}</span>
              <span className="no">{line.newNo ?? ""}</span>
              <span>{SIGN[line.kind]}</span>
              <span>{line.text}</span>
            </div>
          ),
        )}
      </div>
    </div>
  );
}
