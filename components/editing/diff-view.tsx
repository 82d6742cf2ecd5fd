"use client";

import { useMemo } from "react";
import { DiffLines } from "@/components/diff/diff-lines";
import { lineDiff } from "@/lib/editing/diff-lines";

export function DiffView({ before, after, label = "Changes" }: { before: string; after: string; label?: string }) {
  const diff = useMemo(() => lineDiff(before, after), [before, after]);
  if (diff.tooLarge) return <p className="notice">Too many changes to show line by line; review the new value itself before saving.</p>;
  if (diff.added === 0 && diff.removed === 0) return <p className="muted" data-testid="diff-none">No changes.</p>;
  return (
    <div>
      <p className="muted">
        {label}: <span className="ok-text">+{diff.added}</span> <span className="error-text">−{diff.removed}</span> lines
      </p>
      <DiffLines lines={diff.lines} className="diff" rowClass="diff-line" label={label} testId="diff" />
    </div>
  );
}
