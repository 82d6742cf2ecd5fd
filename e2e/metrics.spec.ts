// GET /metrics on the built console (server.mjs): the HTTP latency histogram covers both the fast
// path (GET …/znode, handed straight to its route handler) and what Next.js serves (API routes,
// pages, unknown paths), each labelled by its route pattern, never the raw URL; a scrape needs a
// metrics-scoped token.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import parsePrometheusTextFormat, { type Sample } from "parse-prometheus-text-format";
import { logIn } from "./pages/login-page";
import { e2eZooKeeper as zk } from "./pages/clusters-page";

test("the HTTP histogram labels fast-path and Next.js requests by route pattern; a scrape needs a metrics token", async ({ page, baseURL }) => {
  await logIn(page);
  const created = await page.request.post("/api/v1/clusters", { data: { name: `metrics-${Date.now()}`, connectionString: zk() } });
  expect(created.status(), await created.text()).toBe(201);
  const clusterId = (await created.json()).cluster.id as string;
  const made = await page.request.post("/api/v1/tokens", { data: { name: `scraper-${Date.now()}`, role: null, metrics: true, expiresInDays: 1 } });
  expect(made.status(), await made.text()).toBe(201);
  const token = (await made.json()).token as string;

  const unknown = `/no-such-page-${Date.now()}`;
  expect((await page.request.get(`/api/v1/clusters/${clusterId}/znode?path=/app/config`)).status()).toBe(200); // fast path
  expect((await page.request.get(`/api/v1/clusters/${clusterId}/znode?path=/no-such-node`)).status()).toBe(404); // fast path
  expect((await page.request.get("/api/v1/clusters")).status()).toBe(200); // Next.js
  expect((await page.request.get(unknown)).status()).toBe(404);

  const anonymous = await playwrightRequest.newContext({ baseURL });
  expect((await anonymous.get("/metrics")).status()).toBe(401);
  const scraper = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const res = await scraper.get("/metrics");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/plain");
  const body = await res.text();
  const families = parsePrometheusTextFormat(body);
  expect(families.find((f) => f.name === "zkconsole_http_request_duration_seconds")?.type).toBe("HISTOGRAM");
  // The parser folds a labelled histogram into one sample: read its _count series as their own family.
  const countName = "zkconsole_http_request_duration_seconds_count";
  const counts = parsePrometheusTextFormat(`# TYPE ${countName} counter\n${body.split("\n").filter((l) => l.startsWith(`${countName}{`)).join("\n")}\n`)[0].metrics;
  const count = (route: string, status: string) => Number(counts.find((m: Sample) => m.labels?.method === "GET" && m.labels?.route === route && m.labels?.status === status)?.value ?? 0);
  expect(count("/api/v1/clusters/[id]/znode", "200")).toBeGreaterThanOrEqual(1);
  expect(count("/api/v1/clusters/[id]/znode", "404")).toBeGreaterThanOrEqual(1);
  expect(count("/api/v1/clusters", "200")).toBeGreaterThanOrEqual(1);
  expect(count("/clusters", "200")).toBeGreaterThanOrEqual(1); // the page the sign-in landed on
  expect(count("unmatched", "404")).toBeGreaterThanOrEqual(1);
  expect(count("/metrics", "401")).toBeGreaterThanOrEqual(1);
  const routes = counts.map((m: Sample) => m.labels?.route ?? "");
  expect(routes.filter((r) => r.includes(clusterId) || r.includes("no-such"))).toEqual([]);
  await anonymous.dispose();
  await scraper.dispose();
});
