import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { ProblemError, type Problem } from "./problem";

const SHAPE = {
  preserveOrder: true,
  ignoreAttributes: false,
  allowBooleanAttributes: true,
  commentPropName: "#comment",
  cdataPropName: "#cdata",
  // Entities stay as written (&amp; in, &amp; out) and values stay strings ("007" stays "007").
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
} as const;

export function checkXml(text: string): Problem | null {
  if (text.trim() === "") return { line: 1, column: 1, message: "the text is empty; XML needs a root element" };
  const result = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (result === true) return null;
  return { line: result.err.line, column: result.err.col, message: result.err.msg };
}

/** Indented by two spaces; text inside elements is trimmed. Throws ProblemError. */
export function formatXml(text: string): string {
  const problem = checkXml(text);
  if (problem) throw new ProblemError(problem);
  const tree = new XMLParser(SHAPE).parse(text);
  return new XMLBuilder({ ...SHAPE, format: true, indentBy: "  ", suppressEmptyNode: true }).build(tree).replace(/^\n+/, "").trimEnd();
}
