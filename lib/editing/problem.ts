/** A parse or validation problem at a 1-based line and column of the edited text. */
export type Problem = { line: number; column: number; message: string };

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(`line ${problem.line}, column ${problem.column}: ${problem.message}`);
    this.name = "ProblemError";
  }
}

/** 1-based line and column of a 0-based character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

export const problemAt = (text: string, offset: number, message: string): Problem => ({ ...lineColumnAt(text, offset), message });
