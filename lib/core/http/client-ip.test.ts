// The source address for the rate limit and the audit trail: X-Forwarded-For counts only behind
// proxies the operator declares (TRUST_PROXY); otherwise it is the TCP peer, whatever a client sends.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertAuthConfig } from "@/lib/auth/config-check";
import { clientIp, installPeerAddressStamp, trustedProxyHops } from "./client-ip";

describe("client address", () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    installPeerAddressStamp();
    // A real HTTP server: the handler sees the headers as Next.js would after the stamp.
    server = http.createServer((req, res) => {
      const headers = new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)]));
      res.end(JSON.stringify({ ip: clientIp({ headers }), xff: req.headers["x-forwarded-for"] ?? null, realIp: req.headers["x-real-ip"] ?? null }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => {
    delete process.env.TRUST_PROXY;
  });
  const ask = async (headers: Record<string, string>) => (await fetch(url, { headers })).json();

  it("without TRUST_PROXY, a client's X-Forwarded-For and X-Real-IP are replaced by the socket address", async () => {
    expect(await ask({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "198.51.100.1" })).toEqual({ ip: "127.0.0.1", xff: "127.0.0.1", realIp: null });
    expect(await ask({})).toMatchObject({ ip: "127.0.0.1" });
  });

  it("with TRUST_PROXY=true, the address the proxy appended (the rightmost) counts, not one the client made up", async () => {
    process.env.TRUST_PROXY = "true";
    expect(await ask({ "x-forwarded-for": "1.1.1.1, 203.0.113.9" })).toMatchObject({ ip: "203.0.113.9" });
    process.env.TRUST_PROXY = "2";
    expect(await ask({ "x-forwarded-for": "1.1.1.1, 203.0.113.9, 10.0.0.2" })).toMatchObject({ ip: "203.0.113.9" });
  });

  it("parses TRUST_PROXY strictly and stops start-up on nonsense", () => {
    expect([undefined, "", "false", "0", "off"].map((v) => trustedProxyHops(v))).toEqual([0, 0, 0, 0, 0]);
    expect([trustedProxyHops("true"), trustedProxyHops("3")]).toEqual([1, 3]);
    expect(() => trustedProxyHops("loopback")).toThrow(/TRUST_PROXY must be true, false or the number/);
    expect(() => assertAuthConfig({ NODE_ENV: "test", TRUST_PROXY: "yes please" } as NodeJS.ProcessEnv)).toThrow(/\[security\] TRUST_PROXY/);
    expect(() => assertAuthConfig({ NODE_ENV: "test", CLUSTER_HOST_ALLOWLIST: "10.0.0.0/99" } as NodeJS.ProcessEnv)).toThrow(/\[security\] CLUSTER_HOST_ALLOWLIST entry "10.0.0.0\/99"/);
  });
});
