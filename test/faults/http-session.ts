// A signed-in API client of the console over real HTTP (cookie jar, JSON, timing), and its
// Server-Sent Events streams: what the end-to-end fault tests and the load test speak.
import http from "node:http";
import { SseReader } from "../watch/sse-reader";

export type HttpResult = { status: number; body: any; ms: number; error?: string }; // eslint-disable-line @typescript-eslint/no-explicit-any

export class HttpSession {
  private readonly jar = new Map<string, string>();
  /** Keep-alive connections, as many as there are concurrent requests, reused in turn. */
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

  constructor(readonly baseUrl: string) {}

  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** The session cookies, for a browser context (Playwright addCookies). */
  cookies(): { name: string; value: string; url: string }[] {
    return [...this.jar].map(([name, value]) => ({ name, value, url: this.baseUrl }));
  }

  private remember(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      this.jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  async login(username: string, password: string): Promise<void> {
    const csrf = await fetch(`${this.baseUrl}/api/auth/csrf`);
    this.remember(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${this.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: this.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, username, password, json: "true", callbackUrl: this.baseUrl + "/" }),
    });
    this.remember(res);
    if (![...this.jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`login as ${username} failed (HTTP ${res.status})`);
  }

  /** One request; a network failure or a time-out is status 0 with the reason, never a throw. */
  request(method: string, path: string, body?: unknown, timeoutMs = 60_000): Promise<HttpResult> {
    const t0 = performance.now();
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve) => {
      const req = http.request(`${this.baseUrl}${path}`, {
        method,
        agent: this.agent,
        timeout: timeoutMs,
        headers: { cookie: this.cookie, ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // HTML (pages) or empty
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - t0 });
        });
        res.on("error", (e) => resolve({ status: 0, body: null, ms: performance.now() - t0, error: e.message }));
      });
      req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on("error", (e) => resolve({ status: 0, body: null, ms: performance.now() - t0, error: e.message }));
      req.end(payload);
    });
  }

  get(path: string, timeoutMs?: number) {
    return this.request("GET", path, undefined, timeoutMs);
  }

  /** An events stream of a cluster; resolves once the server said "live" (or after `liveWithinMs` anyway). */
  async events(clusterId: string, paths: string[], liveWithinMs = 30_000): Promise<{ reader: SseReader; close: () => Promise<void> }> {
    const abort = new AbortController();
    const query = paths.map((p) => `path=${encodeURIComponent(p)}`).join("&");
    const res = await fetch(`${this.baseUrl}/api/v1/clusters/${clusterId}/events?${query}`, { headers: { cookie: this.cookie, accept: "text/event-stream" }, signal: abort.signal });
    if (res.status !== 200) throw new Error(`events stream: HTTP ${res.status} ${await res.text()}`);
    const reader = new SseReader(res.body!);
    await reader.waitFor((e) => e.type === "state", { what: "the first state event", timeoutMs: liveWithinMs });
    return {
      reader,
      close: async () => {
        abort.abort();
        await reader.cancel();
      },
    };
  }
}
