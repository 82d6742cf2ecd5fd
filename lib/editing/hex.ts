// Hex views of binary values. Pure text, rendered inside <pre> or a textarea.
import type { Problem } from "./problem";

export const HEX_DUMP_LIMIT = 4096;
const BYTES_PER_LINE = 16;

const hex2 = (b: number) => b.toString(16).padStart(2, "0");

/** Classic dump: "00000000  7b 22 61 22 ...  |{"a"...|", the first `limit` bytes. */
export function hexDump(bytes: Uint8Array, limit = HEX_DUMP_LIMIT): string {
  const lines: string[] = [];
  const end = Math.min(bytes.length, limit);
  for (let offset = 0; offset < end; offset += BYTES_PER_LINE) {
    const row = bytes.subarray(offset, Math.min(offset + BYTES_PER_LINE, end));
    const hex = Array.from(row, hex2);
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".")).join("");
    lines.push(`${offset.toString(16).padStart(8, "0")}  ${hex.slice(0, 8).join(" ").padEnd(23)}  ${hex.slice(8).join(" ").padEnd(23)}  |${ascii}|`);
  }
  return lines.join("\n");
}

/** Editable hex: two digits per byte, 16 bytes per line. */
export function toHex(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += BYTES_PER_LINE) {
    lines.push(Array.from(bytes.subarray(offset, offset + BYTES_PER_LINE), hex2).join(" "));
  }
  return lines.join("\n");
}

/** Hex digits in pairs; whitespace and an optional 0x prefix per byte are ignored. */
export function parseHex(text: string): { bytes: Uint8Array; problem: null } | { bytes: null; problem: Problem } {
  const out: number[] = [];
  const lines = text.split("\n");
  for (let l = 0; l < lines.length; l++) {
    const re = /\s*(?:0x)?([0-9a-fA-F]+)|\s*(\S)/gy;
    let m: RegExpExecArray | null;
    while ((m = re.exec(lines[l])) !== null) {
      const column = m.index + m[0].length - (m[1] ?? m[2]).length + 1;
      if (m[2] !== undefined) return { bytes: null, problem: { line: l + 1, column, message: `"${m[2]}" is not a hex digit` } };
      if (m[1].length % 2 === 1) return { bytes: null, problem: { line: l + 1, column, message: `"${m[1]}" has an odd number of hex digits; each byte needs two` } };
      for (let i = 0; i < m[1].length; i += 2) out.push(parseInt(m[1].slice(i, i + 2), 16));
    }
  }
  return { bytes: Uint8Array.from(out), problem: null };
}
