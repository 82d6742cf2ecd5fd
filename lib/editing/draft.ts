// The editor's working value: text in one of the modes (hex text in binary mode),
// and the conversions to and from the bytes ZooKeeper stores.
import { bytesToBase64, decodeUtf8, utf8Bytes } from "./bytes";
import { parseHex, toHex } from "./hex";
import type { EditMode } from "./modes";
import type { Problem } from "./problem";

export type Draft = { mode: EditMode; text: string };

/** How a value reads in a mode: hex in binary mode, else UTF-8 text (hex when it is not valid UTF-8). */
export function textOf(bytes: Uint8Array, mode: EditMode): string {
  if (mode === "binary") return toHex(bytes);
  return decodeUtf8(bytes) ?? toHex(bytes);
}

export function bytesOf(draft: Draft): { bytes: Uint8Array; problem: null } | { bytes: null; problem: Problem } {
  if (draft.mode === "binary") return parseHex(draft.text);
  return { bytes: utf8Bytes(draft.text), problem: null };
}

/** The same bytes in another mode; refuses to show non-UTF-8 bytes as text. */
export function switchMode(draft: Draft, to: EditMode): { draft: Draft; error: null } | { draft: null; error: string } {
  if ((draft.mode === "binary") === (to === "binary")) return { draft: { mode: to, text: draft.text }, error: null };
  const current = bytesOf(draft);
  if (current.problem) return { draft: null, error: `fix the hex first (line ${current.problem.line}: ${current.problem.message})` };
  if (to === "binary") return { draft: { mode: to, text: toHex(current.bytes) }, error: null };
  const text = decodeUtf8(current.bytes);
  if (text === null) return { draft: null, error: "the value is not valid UTF-8 text; edit it in binary mode" };
  return { draft: { mode: to, text }, error: null };
}

/** The request body fields for a value: UTF-8 text when it round-trips exactly, else base64. */
export function payloadOf(bytes: Uint8Array): { data: string; encoding: "utf8" | "base64" } {
  const text = decodeUtf8(bytes);
  if (text !== null && !text.includes("\u0000")) return { data: text, encoding: "utf8" };
  return { data: bytesToBase64(bytes), encoding: "base64" };
}

export const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);
