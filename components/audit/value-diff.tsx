"use client";

import { useMemo } from "react";
import { DiffLines } from "@/components/diff/diff-lines";
import { lineDiff } from "@/lib/editing/diff-lines";
import "./audit.css";

/** Before/after of an audited value as text lines. */
export function ValueDiff({ before, after }: { before: string | null; after: string | null }) {
  const diff = useMemo(() => lineDiff(before ?? "", after ?? ""), [before, after]);
  if (before === null && after === null) return <p className="muted">No value recorded.</p>;
  if (diff.tooLarge) return <p className="muted">Too many changes to show line by line.</p>;
  if (diff.added === 0 && diff.removed === 0) return <p className="muted">Value unchanged.</p>;
  return <DiffLines lines={diff.lines} className="value-diff" rowClass="line" label="Value before and after" testId="value-diff" />;
}
