// The console's public JSON API as the CLI speaks it: Bearer token, no cookie, errors
// `{ error: { code, message, details? } }` turned into CliErrors with an exit code.
import { CliError, EXIT, exitCodeOf } from "./exit-codes";

export type ApiOptions = { url: string; token: string; timeoutMs: number };
type Query = Record<string, string | number | boolean | undefined>;
type RequestOptions = { query?: Query; json?: unknown; stream?: ReadableStream<Uint8Array>; accept?: string };

/** Longest error body read (an answer that is not the console's JSON may be anything). */
const MAX_ERROR_BYTES = 64 * 1024;

export class Api {
  constructor(private readonly opts: ApiOptions) {}

  url(path: string, query: Query = {}): URL {
    const url = new URL(path, this.opts.url.endsWith("/") ? this.opts.url : this.opts.url + "/");
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  /** The answer when it is a success (2xx other than a 202 held for review); a CliError otherwise. */
  async send(method: string, path: string, o: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.opts.token}`, accept: o.accept ?? "application/json" };
    let body: BodyInit | undefined;
    if (o.json !== undefined) {
      body = JSON.stringify(o.json);
      headers["content-type"] = "application/json";
    } else if (o.stream) {
      body = o.stream;
      headers["content-type"] = "application/json";
    }
    const url = this.url(path.replace(/^\//, ""), o.query);
    let res: Response;
    try {
      // duplex: a streamed body (import) is sent while the answer may already be coming.
      const init: RequestInit & { duplex?: "half" } = { method, headers, body, signal: AbortSignal.timeout(this.opts.timeoutMs), redirect: "manual", ...(o.stream ? { duplex: "half" } : {}) };
      res = await fetch(url, init);
    } catch (e) {
      const err = e as Error;
      const cause = err.cause as { code?: string; message?: string } | undefined;
      const why = err.name === "TimeoutError" ? `no answer within ${this.opts.timeoutMs} ms (--timeout)` : (cause?.code ?? cause?.message ?? err.message);
      throw new CliError(`the console at ${this.opts.url} is unreachable: ${why}`, EXIT.UNAVAILABLE, "UNREACHABLE");
    }
    if (res.ok && res.status !== 202) return res;
    throw await errorOf(res);
  }

  async json<T>(method: string, path: string, o: RequestOptions = {}): Promise<T> {
    const res = await this.send(method, path, o);
    try {
      return (await res.json()) as T;
    } catch {
      throw new CliError(`${method} ${path} answered ${res.status} with a body that is not JSON`, EXIT.FAILED);
    }
  }
}

async function errorOf(res: Response): Promise<CliError> {
  const text = await readBounded(res, MAX_ERROR_BYTES);
  let parsed: { error?: { code?: string; message?: string; details?: unknown }; message?: string; changeRequestId?: number } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    // not the console's JSON (a proxy's page, a redirect to sign-in)
  }
  if (res.status === 202) return new CliError(parsed.message ?? "the change was submitted for review", EXIT.HELD_FOR_REVIEW, "CHANGE_REQUEST_PENDING", parsed);
  if (res.status >= 300 && res.status < 400) return new CliError(`the console redirected (${res.status} to ${res.headers.get("location")}): is --url the console's address?`, EXIT.FAILED);
  const e = parsed.error;
  const message = e?.message ?? `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ""}`;
  return new CliError(message, exitCodeOf(res.status, e?.code), e?.code, e?.details);
}

async function readBounded(res: Response, max: number): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= max) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).toString("utf8").slice(0, max);
}

/** NDJSON rows of a streamed answer, one parsed object at a time; a line longer than `maxLine` fails. */
export async function* ndjsonRows<T>(res: Response, maxLine = 16 * 1024 * 1024): AsyncGenerator<T> {
  if (!res.body) return;
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (line) yield JSON.parse(line) as T;
    }
    if (buffered.length > maxLine) throw new CliError(`a streamed line is longer than ${maxLine} bytes`, EXIT.FAILED);
  }
  if (buffered.trim()) yield JSON.parse(buffered) as T;
}
