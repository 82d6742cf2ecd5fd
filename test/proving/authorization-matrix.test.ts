// The authorization matrix, generated from the routes: every /api/v1 route file's exported methods ×
// every role (anonymous, none, viewer, editor on another path prefix, editor, admin), the expected
// outcome from the permission each route declares (route({ permission, … })), through the real
// handlers with real session cookies, a real ZooKeeper and SQLite. A route without a request in
// authorization-matrix.ts, or a server action without an entry, fails here, as does any deviation.
// Every request is also sent with API tokens (Bearer, no cookie, no Origin): scoped inside and
// outside the request's cluster and path, capped below and asking above its user's role (never more
// than the user: TOKEN_KINDS), and forged, expired, revoked and of a disabled user (401).
// (lib/access/permissions.api.test.ts checks, for the write endpoints, what ZooKeeper shows afterwards.)
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "../../lib/clusters/registry";
import { TEST_CREDENTIAL_KEY } from "../support/credentials-test-key";
import { startEnsemble, type LocalEnsemble } from "../../lib/ensemble/launcher";
import { closeSession, getClient } from "../../lib/core/zk/sessions";
import type { ZkClient } from "../../lib/core/zk/client";
import { makeRoleUsers, makeUser, WHO, type Who } from "../support/auth";
import { apiRoutes, declaredMethods, methodsOf, ROOT } from "./api-routes";
import type { RouteDeclaration } from "../../lib/access/route-permission";
import { ALLOWED_NOT_2XX, ROUTE_MATRIX, RULE_OF, SERVER_ACTIONS, TOKEN_KINDS, type Harness, type Outcome, type TokenScopeReq } from "./authorization-matrix";
import { db } from "../../lib/core/db/client";
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

/** A route that hides its refusals (route({ hidden })) answers every one of them as not found. */
const hides = <T,>(declaration: RouteDeclaration | undefined, want: T): T | 404 => (want === 403 && declaration?.hidden ? 404 : want);

/** Files with a "use server" directive (module-level or inside a function), with their exports. */
function serverActionFiles(): string[] {
  const walk = (dir: string): string[] => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "generated" ? [] : walk(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
  return ["app", "components", "lib"].flatMap(walk).filter((f) => /^\s*["']use server["']/m.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
}

function expectOutcome(key: string, who: string, r: { status: number; text: string; json: Record<string, any> }, want: Outcome | "session required"): void { // eslint-disable-line @typescript-eslint/no-explicit-any
  const why = `${key} as ${who}: ${r.status} ${r.text.slice(0, 300)}`;
  expect(r.status, why).toBeLessThan(500);
  if (want === "session required") {
    expect({ status: r.status, code: r.json.error?.code }, why).toEqual({ status: 403, code: "SESSION_REQUIRED" });
  } else if (want !== "ok") {
    expect(r.status, why).toBe(want);
    expect(r.json.error?.code, why).toBe(want === 403 ? "FORBIDDEN" : "NOT_FOUND");
  } else if (ALLOWED_NOT_2XX[key]) {
    expect({ status: r.status, code: r.json.error?.code }, why).toEqual(ALLOWED_NOT_2XX[key]);
  } else {
    expect(Math.floor(r.status / 100), why).toBe(2);
  }
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
    const h = {} as Harness & { otherClusterId: string };
    /** Per token kind: the token and its user. */
    const tokens: Record<string, { token: string; userId: string }> = {};
    /** Tokens every route must refuse with 401: never a token's rights beyond its life or its user's. */
    const refused: Record<string, string> = {};

    async function makeToken(userId: string, scope: TokenScopeReq, name = h.fresh("matrix")): Promise<{ token: string; id: string }> {
      const r = await send("POST", "/api/v1/tokens", { userId, json: { name, expiresInDays: 1, ...scope } });
      if (r.status !== 201) throw new Error(`making a token failed: ${r.status} ${r.text}`);
      return { token: r.json.token, id: r.json.apiToken.id };
    }

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
        otherClusterId: (await createCluster({ name: `matrix-other-${Date.now()}`, connectionString: zk.connectionString })).id,
      } satisfies Harness & { otherClusterId: string });
      for (const [kind, { user, scope }] of Object.entries(TOKEN_KINDS)) tokens[kind] = { token: (await makeToken(users[user], scope(h))).token, userId: users[user] };
      refused.forged = `zkc_${"x".repeat(43)}`;
      const expired = await makeToken(users.admin, { role: "admin" });
      await db().apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      refused.expired = expired.token;
      const revoked = await makeToken(users.admin, { role: "admin" });
      await send("DELETE", `/api/v1/tokens/${revoked.id}`, { userId: users.admin });
      refused.revoked = revoked.token;
      const leaver = (await makeUser("admin", { name: "leaver" })).id;
      refused["creator disabled"] = (await makeToken(leaver, { role: "admin" })).token;
      await db().user.update({ where: { id: leaver }, data: { disabled: true } });
    });
    afterAll(async () => {
      closeSession("matrix-raw");
      if (h.clusterId) closeSession(h.clusterId);
      if (h.otherClusterId) closeSession(h.otherClusterId);
      await zk?.stopAll();
    });

    for (const [key, entry] of Object.entries(ROUTE_MATRIX)) {
      const [method] = key.split(" ");
      it(`${key}: without a session → 401`, async () => {
        const req = await entry.request(h);
        const r = await send(method, req.url, { query: req.query, json: req.json, headers: req.headers });
        expect(r.status, r.text.slice(0, 200)).toBe(401);
      });
      it(`${key}: with a forged, expired or revoked token, or one whose user is disabled → 401`, async () => {
        const req = await entry.request(h, users.admin);
        for (const [why, token] of Object.entries(refused)) {
          const r = await send(method, req.url, { token, query: req.query, json: req.json, headers: req.headers });
          expect({ why, status: r.status, code: r.json.error?.code }).toEqual({ why, status: 401, code: "UNAUTHENTICATED" });
        }
      });
      for (const [kind, { rule }] of Object.entries(TOKEN_KINDS)) {
        const declaration = declared.get(key);
        const ruled: Outcome | "session required" = declaration?.sessionOnly ? "session required" : declaration ? rule(declaration) : 403;
        const want = hides(declaration, ruled);
        it(`${key} with the ${kind} → ${want}`, async () => {
          const { token, userId } = tokens[kind];
          const req = await entry.request(h, userId);
          const r = await send(method, req.url, { token, query: req.query, json: req.json, headers: req.headers });
          expectOutcome(key, `the ${kind}`, r, want);
        });
      }
      for (const who of WHO) {
        const permission = declared.get(key)?.permission;
        const want = hides(declared.get(key), permission ? RULE_OF[permission][who] : "no permission declared");
        it(`${key} (${permission}) as ${who} → ${want}`, async () => {
          const req = await entry.request(h, users[who]);
          const r = await send(method, req.url, { userId: users[who], query: req.query, json: req.json, headers: req.headers });
          expectOutcome(key, who, r, want as Outcome);
        });
      }
    }
  });
});
