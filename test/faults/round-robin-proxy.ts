// A small loopback load balancer for the multi-instance tests: each HTTP request goes to the next
// console instance in turn (round robin per request, not per connection, so one keep-alive client
// reaches all of them), streamed both ways (SSE included). An instance that refuses the connection
// is skipped for that request, as a load balancer's passive check would.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RoundRobinProxy = {
  baseUrl: string;
  /** How many requests each upstream served, by its base URL. */
  served: Map<string, number>;
  close(): Promise<void>;
};

export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served = new Map(upstreams.map((u) => [u, 0]));
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, tries: number) => {
    const upstream = upstreams[next++ % upstreams.length];
    const out = http.request(`${upstream}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(upstream).host }, agent }, (answer) => {
      served.set(upstream, (served.get(upstream) ?? 0) + 1);
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      res.on("close", () => answer.destroy());
    });
    out.on("error", (e: NodeJS.ErrnoException) => {
      if (!res.headersSent && e.code === "ECONNREFUSED" && tries < upstreams.length) return forward(req, res, body, tries + 1);
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`upstream ${upstream}: ${e.message}`);
    });
    out.end(body);
  };

  const server = http.createServer((req, res) => {
    // Bodies are small here (JSON): read whole, so a request can be retried on another instance.
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => forward(req, res, Buffer.concat(chunks), 1));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise((r) => {
      agent.destroy();
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
