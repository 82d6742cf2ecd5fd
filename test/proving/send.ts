// One request to a real route handler, as a browser or a script would send it: a real session
// cookie, same-origin headers, and any body – JSON, raw bytes, or a stream without a length.
import { NextRequest } from "next/server";
import { sessionCookie, TEST_ORIGIN } from "../support/auth";
import { resolveRoute } from "./api-routes";

export type SendOptions = {
  userId?: string;
  /** An API token, sent as a script would: `Authorization: Bearer`, no cookie, no Origin or Sec-Fetch-Site. */
  token?: string;
  /** Query pairs in order (a name may repeat), or an object. */
  query?: [string, string][] | Record<string, string>;
  json?: unknown;
  raw?: Uint8Array | string | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
};

export type Sent = { status: number; json: Record<string, any>; text: string; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function send(method: string, urlPath: string, opts: SendOptions = {}): Promise<Sent> {
  const { handler, params } = await resolveRoute(method, urlPath);
  const url = new URL(urlPath, TEST_ORIGIN);
  const pairs = Array.isArray(opts.query) ? opts.query : Object.entries(opts.query ?? {});
  for (const [k, v] of pairs) url.searchParams.append(k, v);
  const browser = opts.token ? {} : { "sec-fetch-site": "same-origin", ...(method === "GET" ? {} : { origin: TEST_ORIGIN }) };
  const headers: Record<string, string> = { accept: "application/json", ...browser };
  if (opts.userId) headers.cookie = await sessionCookie(opts.userId);
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers["content-type"] = "application/json";
  } else if (opts.raw !== undefined) {
    body = opts.raw as BodyInit;
    headers["content-type"] = "application/json";
  }
  Object.assign(headers, opts.headers);
  for (const [k, v] of Object.entries(headers)) if (v === "") delete headers[k];
  const init: RequestInit & { duplex?: string } = { method, headers, body };
  if (body instanceof ReadableStream) init.duplex = "half";
  const res = await handler(new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]), { params: Promise.resolve(params) });
  // An event stream never ends: its status and headers are the answer.
  if ((res.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    await res.body?.cancel();
    return { status: res.status, json: {}, text: "", headers: res.headers };
  }
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (a stream or a file): the text is there
  }
  return { status: res.status, json, text, headers: res.headers };
}
