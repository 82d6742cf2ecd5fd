import { parseAllDocuments } from "yaml";
import { ProblemError, type Problem } from "./problem";

type YamlDocs = ReturnType<typeof parseAllDocuments>;

function firstProblem(docs: YamlDocs): Problem | null {
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
      // The library appends a source excerpt after ":\n\n"; the first sentence is the rule.
      const message = error.message.split(/ at line \d+, column \d+|:\n/)[0];
      return { line: pos.line, column: pos.col, message };
    }
  }
  return null;
}

export function checkYaml(text: string): Problem | null {
  return firstProblem(parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true }));
}

/** Re-emitted by the yaml library (comments kept, two-space indentation). Throws ProblemError. */
export function formatYaml(text: string): string {
  const docs = parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true });
  const problem = firstProblem(docs);
  if (problem) throw new ProblemError(problem);
  const list = Array.isArray(docs) ? docs : [];
  return list.map((doc, i) => (i > 0 && !doc.directives?.docStart ? "---\n" : "") + doc.toString({ indent: 2, lineWidth: 0 })).join("");
}
