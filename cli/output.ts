// What the CLI prints: `--json` for scripts (one JSON document on stdout), otherwise plain tables
// for people. Znode names, values and audit fields are untrusted: in human output every control
// character is shown escaped, so a value cannot move the cursor, recolour or retitle a terminal.
import Table from "cli-table3";

// C0 controls except tab and newline, DEL, and C1 controls (CSI 0x9b among them).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text safe to print on a terminal: control characters as \xNN escapes. */
export const safe = (s: unknown): string =>
  String(s ?? "").replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);

/** One line of a cell: newlines and tabs escaped too (a table cell is one line). */
const cell = (s: unknown) => safe(s).replace(/\n/g, "\\n").replace(/\t/g, "\\t");

export type Printer = {
  json: boolean;
  /** Scripts get `value` as JSON; people get `human()`. */
  result(value: unknown, human: () => void): void;
  table(head: string[], rows: unknown[][]): void;
  line(text?: string): void;
  /** A note for people, on stderr (never mixed into a piped stdout). */
  note(text: string): void;
  /** Bytes or text as they are (a value with --data, an export file, NDJSON rows). */
  raw(chunk: string | Uint8Array): void;
  readonly out: NodeJS.WritableStream;
};

const PLAIN = { top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "", left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: "  " };

export function printer(json: boolean, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Printer {
  return {
    json,
    out,
    raw(chunk) {
      out.write(chunk);
    },
    result(value, human) {
      if (json) out.write(JSON.stringify(value, null, 2) + "\n");
      else human();
    },
    table(head, rows) {
      const t = new Table({ head, chars: PLAIN, style: { head: [], border: [], "padding-left": 0, "padding-right": 0 } });
      for (const r of rows) t.push(r.map(cell));
      out.write(t.toString().split("\n").map((l) => l.trimEnd()).join("\n") + "\n");
    },
    line(text = "") {
      out.write(safe(text) + "\n");
    },
    note(text) {
      if (!json) err.write(safe(text) + "\n");
    },
  };
}
