// The editor's modes: what each one checks and how it formats. Pure functions, no React.
import { checkJson, compactJson, formatJson } from "./json-mode";
import { checkYaml, formatYaml } from "./yaml-mode";
import { checkXml, formatXml } from "./xml-mode";
import { checkProperties, formatProperties } from "./properties-mode";
import { parseHex, toHex } from "./hex";
import { ProblemError, type Problem } from "./problem";

export const EDIT_MODES = ["text", "json", "yaml", "xml", "properties", "binary"] as const;
export type EditMode = (typeof EDIT_MODES)[number];

export const MODE_LABELS: Record<EditMode, string> = { text: "Text", json: "JSON", yaml: "YAML", xml: "XML", properties: "Properties", binary: "Binary (hex)" };

export type Check = { error: Problem | null; warnings: Problem[] };

/** The first error (saving it needs an explicit override) and any warnings. */
export function checkText(mode: EditMode, text: string): Check {
  switch (mode) {
    case "json": return { error: checkJson(text), warnings: [] };
    case "yaml": return { error: checkYaml(text), warnings: [] };
    case "xml": return { error: checkXml(text), warnings: [] };
    case "properties": return checkProperties(text);
    case "binary": return { error: parseHex(text).problem, warnings: [] };
    default: return { error: null, warnings: [] };
  }
}

export const canFormat = (mode: EditMode) => mode !== "text";

/** The text formatted for its mode, or the problem that prevents it. */
export function formatText(mode: EditMode, text: string): { text: string; problem: null } | { text: null; problem: Problem } {
  try {
    switch (mode) {
      case "json": return { text: formatJson(text), problem: null };
      case "yaml": return { text: formatYaml(text), problem: null };
      case "xml": return { text: formatXml(text), problem: null };
      case "properties": return { text: formatProperties(text), problem: null };
      case "binary": {
        const parsed = parseHex(text);
        return parsed.problem ? { text: null, problem: parsed.problem } : { text: toHex(parsed.bytes), problem: null };
      }
      default: return { text, problem: null };
    }
  } catch (e) {
    if (e instanceof ProblemError) return { text: null, problem: e.problem };
    throw e;
  }
}

export function compactText(mode: EditMode, text: string): string | null {
  if (mode !== "json") return null;
  try {
    return compactJson(text);
  } catch {
    return null;
  }
}

const YAML_LINE = /^\s*(#.*|---|-(\s.*)?|[\w.\-"']+:(\s.*)?)$/;
const PROPERTY_LINE = /^\s*([#!].*|[^=:\s]+\s*[=:].*|)$/;

/** A sensible starting mode from the value and the znode's name. */
export function detectMode(value: { isBinary: boolean; text: string | null }, path: string): EditMode {
  if (value.isBinary || value.text === null) return "binary";
  const text = value.text;
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  if (/\.json$/.test(name) || (/^\s*[[{]/.test(text) && checkJson(text) === null)) return "json";
  if (/\.(ya?ml)$/.test(name)) return "yaml";
  if (/\.xml$/.test(name) || (/^\s*</.test(text) && checkXml(text) === null)) return "xml";
  if (/\.properties$/.test(name)) return "properties";
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length > 0 && lines.some((l) => l.includes("=")) && lines.every((l) => PROPERTY_LINE.test(l))) return "properties";
  if (lines.length > 0 && lines.some((l) => /:(\s|$)/.test(l)) && lines.every((l) => YAML_LINE.test(l)) && checkYaml(text) === null) return "yaml";
  return "text";
}
