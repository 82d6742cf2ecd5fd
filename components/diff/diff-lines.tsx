"use client";

import type { lineDiff } from "@/lib/editing/diff-lines";

const SIGN = { same: " ", add: "+", del: "-" } as const;

/**
 * The rows of a line diff (old and new line numbers, sign, text, the changed words marked).
 * Values are untrusted: every line is React text, never HTML. The caller names its CSS classes (table and rows).
 */
export function DiffLines({ lines, className, rowClass, label, testId }: { lines: ReturnType<typeof lineDiff>["lines"]; className: string; rowClass: string; label: string; testId: string }) {
  return (
    <div className={className} data-testid={testId} role="table" aria-label={label}>
      {lines.map((line, i) =>
        line.kind === "fold" ? (
          <div key={i} className={`${rowClass} fold`} role="row">
            … {line.count} unchanged line{line.count === 1 ? "" : "s"}
          </div>
        ) : (
          <div key={i} className={`${rowClass} ${line.kind}`} role="row" data-kind={line.kind}>
            <span className="no">{line.oldNo ?? ""}</span>
            <span className="no">{line.newNo ?? ""}</span>
            <span>{SIGN[line.kind]}</span>
            <span>{line.words ? line.words.map((w, j) => (w.changed ? (line.kind === "add" ? <ins key={j}>{w.text}</ins> : <del key={j}>{w.text}</del>) : w.text)) : line.text}</span>
          </div>
        ),
      )}
    </div>
  );
}
