// The /api/v1 route table as the file system defines it (app/api/v1/**/route.ts), so the proving
// tests walk every route there is: a new route file is picked up without anyone listing it.
import fs from "node:fs";
import path from "node:path";
import type { NextRequest } from "next/server";

export const ROOT = path.resolve(__dirname, "../..");
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type RouteHandler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type ApiRoute = {
  /** e.g. /api/v1/clusters/[id]/znode */
  template: string;
  file: string;
  params: string[];
  pattern: RegExp;
  dynamicSegments: number;
};

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : []));
}

export function apiRoutes(): ApiRoute[] {
  const base = path.join(ROOT, "app");
  return walk(path.join(base, "api", "v1")).map((file) => {
    const template = "/" + path.relative(base, path.dirname(file)).split(path.sep).join("/");
    const params: string[] = [];
    const source = template.split("/").map((seg) => {
      const m = /^\[(\w+)\]$/.exec(seg);
      if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      params.push(m[1]);
      return "([^/]+)";
    }).join("/");
    return { template, file, params, pattern: new RegExp(`^${source}$`), dynamicSegments: params.length };
  }).sort((a, b) => a.dynamicSegments - b.dynamicSegments || a.template.localeCompare(b.template));
}

/** The methods a route file declares, read from its source (for callers that cannot import server code). */
export function declaredMethods(route: ApiRoute): HttpMethod[] {
  const text = fs.readFileSync(route.file, "utf8");
  return HTTP_METHODS.filter((m) => new RegExp(`export const ${m}\\b|as ${m}\\b`).test(text));
}

/** The methods a route file exports. */
export async function methodsOf(route: ApiRoute): Promise<HttpMethod[]> {
  const mod = (await import(route.file)) as Record<string, unknown>;
  return HTTP_METHODS.filter((m) => typeof mod[m] === "function");
}

/** Resolve a concrete URL path the way Next.js does (static segments win), with its params. */
export async function resolveRoute(method: string, urlPath: string): Promise<{ route: ApiRoute; handler: RouteHandler; params: Record<string, string> }> {
  for (const route of apiRoutes()) {
    const m = route.pattern.exec(urlPath);
    if (!m) continue;
    const mod = (await import(route.file)) as Record<string, RouteHandler>;
    if (typeof mod[method] !== "function") throw new Error(`${route.template} has no ${method} handler`);
    const params = Object.fromEntries(route.params.map((p, i) => [p, decodeURIComponent(m[i + 1])]));
    return { route, handler: mod[method], params };
  }
  throw new Error(`no /api/v1 route matches ${urlPath}`);
}
