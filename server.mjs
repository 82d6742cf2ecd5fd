// The console's HTTP server (npm start, e2e/serve.mjs, the load test, the benchmarks, and the
// standalone output as `node server.mjs`): Next.js serves everything, except the two hottest reads,
// GET …/znode and GET …/children, which this server hands straight to their built route handler.
// Why: a warm read costs ~0.2 ms in the handler but ~1 ms more in Next's router and app-route
// runtime (bench/results/fast-path.md profile). They stay one definition: the handler is the
// route file's own `route(...)` export (session, permission, validation, error mapping), and the
// response gets the headers next.config.js declares, read from the build's routes-manifest.json,
// and the Vary header Next.js gives every app route (e2e/security.spec.ts compares them all).
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
process.env.NODE_ENV = "production";
process.chdir(dir);
const distDir = path.join(dir, process.env.NEXT_DIST_DIR || ".next");
const port = Number(process.env.PORT) || 3000;
// HOSTNAME as Next's standalone server.js reads it; unset: every interface, as `next start` listens.
const hostname = process.env.HOSTNAME || undefined;
/** App routes served directly, by their path under app/ (the URL pattern comes from it). DIRECT_ROUTES=off: none (to compare). */
const HOT_ROUTES = process.env.DIRECT_ROUTES === "off" ? [] : ["/api/v1/clusters/[id]/znode", "/api/v1/clusters/[id]/children"];

const serverFiles = JSON.parse(fs.readFileSync(path.join(distDir, "required-server-files.json"), "utf8"));
// Standalone output has no next.config.js: Next.js reads the build's own copy, as its server.js does.
if (!fs.existsSync(path.join(dir, "next.config.js"))) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(serverFiles.config);

const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8"));
for (const rule of manifest.headers) {
  if (rule.has || rule.missing) throw new Error(`server.mjs applies next.config.js headers without has/missing conditions (rule ${rule.source})`);
}
/** The headers next.config.js gives a path, in Next's order (a later rule overrides an earlier one). */
function configHeaders(pathname) {
  const out = [];
  for (const rule of manifest.headers) if (new RegExp(rule.regex).test(pathname)) for (const h of rule.headers) out.push(h);
  return out;
}

// HTTP latency for /metrics: every request this server answers, fast path or Next.js, labelled by
// the route pattern Next.js would pick (the app folder's path, e.g. /api/v1/clusters/[id]/znode),
// never the raw URL, so the series stay bounded whatever clients ask for. The histogram is the one
// lib/core/metrics.ts registers at start-up (instrumentation), found under its global key.
const METRICS_KEY = Symbol.for("zk-console.metrics");
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const appPaths = Object.keys(JSON.parse(fs.readFileSync(path.join(distDir, "server", "app-paths-manifest.json"), "utf8")))
  .map((key) => "/" + key.split("/").slice(1, -1).filter((seg) => !/^\(.*\)$/.test(seg) && !seg.startsWith("@")).join("/"));
const staticPatterns = new Set(appPaths.filter((p) => !p.includes("[")));
// Next's own order: more specific dynamic routes first.
const dynamicPatterns = manifest.dynamicRoutes.map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
/** The route pattern of a path, as Next.js resolves it; "unmatched" for what no route serves. */
function routePatternOf(pathname) {
  if (pathname.startsWith("/_next/")) return pathname.startsWith("/_next/static/") ? "/_next/static" : "/_next";
  const bare = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  if (staticPatterns.has(bare)) return bare;
  for (const r of dynamicPatterns) if (r.regex.test(pathname)) return r.page;
  return "unmatched";
}
function observeRequest(req, res, hotPattern) {
  const start = process.hrtime.bigint();
  res.once("close", () => {
    const histogram = globalThis[METRICS_KEY]?.httpDuration;
    // A live event stream lasts as long as its viewer: its duration is no latency.
    if (!histogram || String(res.getHeader("content-type") ?? "").startsWith("text/event-stream")) return;
    const q = req.url.indexOf("?");
    const route = hotPattern ?? routePatternOf(q < 0 ? req.url : req.url.slice(0, q));
    const method = METHODS.has(req.method) ? req.method : "other";
    histogram.observe({ method, route, status: String(res.statusCode) }, Number(process.hrtime.bigint() - start) / 1e9);
  });
}

const next = require("next");
const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port });
await app.prepare();
const nextHandler = app.getRequestHandler();
// base-server.js setVaryHeader; Next.js does not compress route handler answers, nor does this.
const H = require("next/dist/client/components/app-router-headers");
const APP_ROUTE_VARY = [H.RSC_HEADER, H.NEXT_ROUTER_STATE_TREE_HEADER, H.NEXT_ROUTER_PREFETCH_HEADER, H.NEXT_ROUTER_SEGMENT_PREFETCH_HEADER].join(", ");

const hot = await Promise.all(HOT_ROUTES.map(async (appPath) => {
  const names = [];
  const pattern = new RegExp(`^${appPath.replace(/\[(\w+)\]/g, (_, name) => (names.push(name), "([^/]+)"))}$`);
  // An async module (top-level await): Next.js awaits it too.
  const mod = await require(path.join(distDir, "server", "app", appPath, "route.js"));
  const GET = mod.routeModule?.userland?.GET;
  if (typeof GET !== "function") throw new Error(`server.mjs: the build has no GET handler for ${appPath}`);
  return { appPath, pattern, names, GET, headers: configHeaders(appPath.replace(/\[\w+\]/g, "x")) };
}));
// What `next/server` re-exports, required where it lives: the standalone output's trace leaves
// out next/server.js itself (nothing in the build requires it), so that name is missing there.
const { NextRequest } = require("next/dist/server/web/spec-extension/request");

function hotRouteOf(req) {
  if (req.method !== "GET") return null;
  const q = req.url.indexOf("?");
  const pathname = q < 0 ? req.url : req.url.slice(0, q);
  for (const r of hot) {
    const m = r.pattern.exec(pathname);
    if (!m) continue;
    try {
      const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
      return { route: r, params };
    } catch {
      return null; // a malformed escape: Next.js answers it as it always has
    }
  }
  return null;
}

async function serveHot(req, res, { route, params }) {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  // What Next.js fills in when absent (base-server.js), so the handler sees the same request.
  const proto = req.headers["x-forwarded-proto"] ? String(req.headers["x-forwarded-proto"]) : req.socket.encrypted ? "https" : "http";
  const fill = { "x-forwarded-host": req.headers.host ?? hostname ?? "localhost", "x-forwarded-port": String(port), "x-forwarded-proto": proto, "x-forwarded-for": req.socket.remoteAddress };
  for (const [key, value] of Object.entries(fill)) if (value && !headers.has(key)) headers.set(key, value);
  const request = new NextRequest(`${proto.includes("https") ? "https" : "http"}://${req.headers.host || "localhost"}${req.url}`, { method: "GET", headers });
  const response = await route.GET(request, { params: Promise.resolve(params) });
  res.statusCode = response.status;
  for (const h of route.headers) res.setHeader(h.key, h.value);
  res.setHeader("vary", APP_ROUTE_VARY);
  for (const [key, value] of response.headers) if (key !== "set-cookie") res.setHeader(key, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

const server = http.createServer((req, res) => {
  const target = hotRouteOf(req);
  observeRequest(req, res, target?.route.appPath);
  const done = target ? serveHot(req, res, target) : nextHandler(req, res);
  done.catch((e) => {
    console.error("[server] request failed", e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => console.log(`[server] listening on http://${hostname ?? "localhost"}:${port}`));
// Exit on a signal, as `next start` does (also what lets `node --cpu-prof` write its profile).
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(0));
