// Long writes (copy, move, import) stream NDJSON progress when asked: {type:"progress"}
// lines, then one {type:"result"} or {type:"error"} line (lib/core/http/progress.ts).
import type { Progress } from "@/lib/core/http/progress";
import { ApiError, throwIfHeldForReview, toApiError } from "./api-fetch";

export type { Progress };

export type ProgressLine =
  | ({ type: "progress" } & Progress)
  | { type: "result"; result: unknown }
  | { type: "error"; error: { code: string; message: string; details?: Record<string, unknown> } };

/** Splits streamed text into complete lines; the unfinished tail is kept for the next chunk. */
export function splitLines(buffered: string, chunk: string): { lines: string[]; rest: string } {
  const parts = (buffered + chunk).split("\n");
  const rest = parts.pop() ?? "";
  return { lines: parts.filter((l) => l.trim() !== ""), rest };
}

export function readLine(line: string): ProgressLine {
  const parsed = JSON.parse(line) as ProgressLine;
  if (!parsed || typeof parsed !== "object" || !("type" in parsed)) throw new Error(`unexpected progress line: ${line.slice(0, 200)}`);
  return parsed;
}

// Errors reported after the stream started carry no HTTP status; 409 fits every one of them
// (partial copies and imports, verification failures, a source changed during a move).
const STREAMED_ERROR_STATUS = 409;

type Init = { method: string; body: string; contentType?: string; signal?: AbortSignal; onProgress: (p: Progress) => void };

export async function fetchWithProgress<T>(url: string, { method, body, contentType = "application/json", signal, onProgress }: Init): Promise<T> {
  const res = await fetch(url, { method, body, signal, cache: "no-store", headers: { accept: "application/x-ndjson", "content-type": contentType } });
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => null));
  // Operations that finish before their first progress line answer with plain JSON.
  if (!(res.headers.get("content-type") ?? "").includes("ndjson") || !res.body) {
    const payload: unknown = await res.json();
    if (res.status === 202) throwIfHeldForReview(payload);
    return payload as T;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = "";
  for (;;) {
    const { value, done } = await reader.read();
    const split = splitLines(rest, done ? "\n" : value);
    rest = split.rest;
    for (const line of split.lines) {
      const msg = readLine(line);
      if (msg.type === "progress") onProgress({ phase: msg.phase, done: msg.done, total: msg.total });
      else if (msg.type === "result") return msg.result as T;
      else throw new ApiError(STREAMED_ERROR_STATUS, msg.error.code, msg.error.message, msg.error.details);
    }
    if (done) throw new ApiError(502, "STREAM_ENDED", "the server stopped reporting before the operation finished; reload to see what was done");
  }
}

/**
 * The rows of a streamed NDJSON answer (search, diff) as they arrive; an error before the stream
 * starts is the API's error. Aborting `signal` closes the request, which stops the server's walk.
 */
export async function* ndjsonRows<T>(url: string, signal?: AbortSignal): AsyncGenerator<T> {
  const res = await fetch(url, { signal, cache: "no-store", headers: { accept: "application/x-ndjson" } });
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => null));
  if (!res.body) return;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      const split = splitLines(rest, done ? "\n" : value);
      rest = split.rest;
      for (const line of split.lines) yield JSON.parse(line) as T;
      if (done) return;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
