// The authorization matrix, generated from the routes: every /api/v1 route file's exported methods ×
// every role (anonymous, none, viewer, editor on another path prefix, editor, admin), the expected
// outcome from the permission each route declares (route({ permission, … })), through the real
// handlers with real session cookies, a real ZooKeeper and SQLite. A route without a request in
// authorization-matrix.ts, or a server action without an entry, fails here, as does any deviation.
// (lib/access/permissions.api.test.ts checks, for the write endpoints, what ZooKeeper shows afterwards.)
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "../../lib/clusters/registry";
import { TEST_CREDENTIAL_KEY } from "../support/credentials-test-key";
import { startEnsemble, type LocalEnsemble } from "../../lib/ensemble/launcher";
import { closeSession, getClient } from "../../lib/core/zk/sessions";
import type { ZkClient } from "../../lib/core/zk/client";
import { makeRoleUsers, WHO, type Who } from "../support/auth";
import { apiRoutes, declaredMethods, methodsOf, ROOT } from "./api-routes";
import type { RouteDeclaration } from "../../lib/access/route-permission";
import { ALLOWED_NOT_2XX, ROUTE_MATRIX, RULE_OF, SERVER_ACTIONS, type Harness } from "./authorization-matrix";
import { send } from "./send";

process.env.CONSOLE_SECRET_KEY ??= TEST_CREDENTIAL_KEY;

/** Every route and method there is, with what its handler declares. */
async function declarations(): Promise<Map<string, RouteDeclaration | undefined>> {
  const out = new Map<string, RouteDeclaration | undefined>();
  for (const route of apiRoutes()) {
    const mod = (await import(route.file)) as Record<string, { declaration?: RouteDeclaration }>;
    for (const m of await methodsOf(route)) out.set(`${m} ${route.template}`, mod[m].declaration);
  }
  return out;
}
const declared = await declarations();

/** Files with a "use server" directive (module-level or inside a function), with their exports. */
function serverActionFiles(): string[] {
  const walk = (dir: string): string[] => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "generated" ? [] : walk(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
  return ["app", "components", "lib"].flatMap(walk).filter((f) => /^\s*["']use server["']/m.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
}

describe("authorization matrix", () => {
  it("has a declared permission and a request for every route and method there is, and no stale entries", async () => {
    const found = [...declared.keys()].sort();
    expect(found.length).toBeGreaterThan(40);
    expect(found.filter((k) => !declared.get(k)?.permission), "handlers not made by route({ permission, … })").toEqual([]);
    expect(found.filter((k) => !ROUTE_MATRIX[k]), "routes without a request in test/proving/authorization-matrix.ts").toEqual([]);
    expect(Object.keys(ROUTE_MATRIX).filter((k) => !found.includes(k)), "entries for routes that no longer exist").toEqual([]);
  });

  it("reads the same methods from the sources as the modules export (e2e/security.spec.ts walks the sources)", async () => {
    for (const route of apiRoutes()) expect(declaredMethods(route), route.template).toEqual(await methodsOf(route));
  });

  it("has an expected outcome for every server action", () => {
    expect(serverActionFiles().filter((f) => !Object.keys(SERVER_ACTIONS).some((k) => k.startsWith(f))), 'files with "use server" and no entry in SERVER_ACTIONS').toEqual([]);
  });

  describe("every route × every role", () => {
    let zk: LocalEnsemble;
    let raw: ZkClient;
    let users: Record<Who, string>;
    let n = 0;
    const h = {} as Harness;

    beforeAll(async () => {
      zk = await startEnsemble({ size: 1 });
      raw = await getClient({ id: "matrix-raw", connectionString: zk.connectionString, sessionTimeoutMs: 30_000 });
      for (const p of ["/app", "/app/config", "/other"]) await raw.create(p, Buffer.from("v0"), 0);
      const clusterId = (await createCluster({ name: `matrix-${Date.now()}`, connectionString: zk.connectionString })).id;
      users = await makeRoleUsers(clusterId, "/other");
      Object.assign(h, {
        clusterId, zk: zk.connectionString, raw,
        fresh: (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++n}`,
        node: async (data = "", prefix = "n-") => {
          const p = `/app/${prefix}${String(++n).padStart(10, "0")}`;
          await raw.create(p, Buffer.from(data), 0);
          return p;
        },
        asAdmin: (method, url, opts = {}) => send(method, url, { ...opts, userId: users.admin }),
      } satisfies Harness);
    });
    afterAll(async () => {
      closeSession("matrix-raw");
      if (h.clusterId) closeSession(h.clusterId);
      await zk?.stopAll();
    });

    for (const [key, entry] of Object.entries(ROUTE_MATRIX)) {
      const [method] = key.split(" ");
      it(`${key}: without a session → 401`, async () => {
        const req = await entry.request(h);
        const r = await send(method, req.url, { query: req.query, json: req.json, headers: req.headers });
        expect(r.status, r.text.slice(0, 200)).toBe(401);
      });
      for (const who of WHO) {
        const permission = declared.get(key)?.permission;
        const want = permission ? RULE_OF[permission][who] : "no permission declared";
        it(`${key} (${permission}) as ${who} → ${want}`, async () => {
          const req = await entry.request(h);
          const r = await send(method, req.url, { userId: users[who], query: req.query, json: req.json, headers: req.headers });
          const why = `${key} as ${who}: ${r.status} ${r.text.slice(0, 300)}`;
          expect(r.status, why).toBeLessThan(500);
          if (want !== "ok") {
            expect(r.status, why).toBe(want);
            expect(r.json.error?.code, why).toBe(want === 403 ? "FORBIDDEN" : "NOT_FOUND");
          } else if (ALLOWED_NOT_2XX[key]) {
            expect({ status: r.status, code: r.json.error?.code }, why).toEqual(ALLOWED_NOT_2XX[key]);
          } else {
            expect(Math.floor(r.status / 100), why).toBe(2);
          }
        });
      }
    }
  });
});
