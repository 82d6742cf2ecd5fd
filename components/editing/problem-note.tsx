import type { Problem } from "@/lib/editing/problem";

/** A parse problem with a button that puts the cursor on its line. */
export function ProblemNote({ problem, onJump, warning = false }: { problem: Problem; onJump?: (p: Problem) => void; warning?: boolean }) {
  return (
    <p className={warning ? "warning-text" : "problem"} role={warning ? undefined : "alert"} data-testid={warning ? "edit-warning" : "edit-problem"}>
      {onJump ? (
        <button type="button" className="link-button" onClick={() => onJump(problem)}>
          Line {problem.line}, column {problem.column}
        </button>
      ) : (
        `Line ${problem.line}, column ${problem.column}`
      )}
      : {problem.message}
    </p>
  );
}

/** Select the given line of a textarea and scroll it into view. */
export function selectLine(textarea: HTMLTextAreaElement | null, { line, column }: Problem) {
  if (!textarea) return;
  const lines = textarea.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  const at = Math.min(start + Math.max(0, column - 1), start + (lines[line - 1]?.length ?? 0));
  textarea.focus();
  textarea.setSelectionRange(at, at);
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
  textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
}
