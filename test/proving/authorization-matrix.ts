// The expected outcome of every /api/v1 route for each role, from the permission the route declares
// (route({ permission, … }) in app/api/v1/**/route.ts), and for each route a request that succeeds
// when the role is allowed. authorization-matrix.test.ts walks the route files and fails for a route
// without a request here, or a server action without an entry, so no endpoint ships untested.
import type { Permission } from "../../lib/access/route-permission";
import type { Who } from "../support/auth";
import type { ZkClient } from "../../lib/core/zk/client";
import type { Sent, SendOptions } from "./send";

export type Outcome = "ok" | 403 | 404;
export type Rule = Record<Who, Outcome>;
export type Req = { url: string; query?: Record<string, string>; json?: unknown; headers?: Record<string, string> };

/** What a request builder may use: the cluster, a raw ZooKeeper client, fresh names and admin calls for set-up. */
export type Harness = {
  clusterId: string;
  zk: string;
  raw: ZkClient;
  fresh: (prefix: string) => string;
  /** A new znode under /app (outside the prefix editor's /other), its name starting with `prefix`. */
  node: (data?: string, prefix?: string) => Promise<string>;
  asAdmin: (method: string, url: string, opts?: SendOptions) => Promise<Sent>;
};

const all = (o: Outcome): Rule => ({ none: o, viewer: o, prefixEditor: o, editor: o, admin: o });
export const RULES = {
  /** Any signed-in user (nothing cluster-specific is revealed). */
  anyUser: all("ok"),
  /** Any grant on the cluster shows it; without one it does not exist (404). */
  clusterVisible: { ...all("ok"), none: 404 },
  /** Read at /app: the prefix editor's grant covers only /other. */
  read: { none: 404, viewer: "ok", prefixEditor: 403, editor: "ok", admin: "ok" },
  write: { none: 404, viewer: 403, prefixEditor: 403, editor: "ok", admin: "ok" },
  /** ACLs, credentials, lock force-release, reconfiguration: admin on the cluster path. */
  clusterAdmin: { none: 404, viewer: 403, prefixEditor: 403, editor: 403, admin: "ok" },
  /** Registry, users, grants, settings, presets, the audit trail: global admins only. */
  globalAdmin: { ...all(403), admin: "ok" },
} satisfies Record<string, Rule>;

/** Who each declared permission lets through, on the matrix cluster (requests act under /app). */
export const RULE_OF: Record<Permission, Rule> = {
  "signed-in": RULES.anyUser,
  admin: RULES.globalAdmin,
  "cluster:visible": RULES.clusterVisible,
  "znode:read": RULES.read,
  "znode:write": RULES.write,
  "znode:admin": RULES.clusterAdmin,
  "cluster:admin": RULES.clusterAdmin,
  /** /metrics (outside /api/v1): a session of any role is refused; only metrics-scoped tokens or allowed addresses pass. */
  metrics: all(403),
};

/**
 * The API tokens every request is also sent with: whose token, its scope, and so whose rights it
 * has (a token's rights are its scope within its user's: never more than the user's).
 */
export type TokenScopeReq = { role: "viewer" | "editor" | "admin"; clusterId?: string; pathPrefix?: string };
type Declared = { permission: Permission; path?: string };
type TokenKind = { user: Who; scope: (h: Harness & { otherClusterId: string }) => TokenScopeReq; rule: (d: Declared) => Outcome };
/** Admin only under /app of the matrix cluster: everything there, nothing cluster-wide or global. */
const INSIDE: Record<Permission, Outcome> = {
  "signed-in": "ok", admin: 403, "cluster:visible": "ok", "znode:read": "ok", "znode:write": "ok", "znode:admin": "ok", "cluster:admin": 403, metrics: 403,
};
/** A route fixed on a path outside /app (the health of "/", /zookeeper/config) is out of that scope. */
const inside = (d: Declared): Outcome => (d.path?.startsWith("/") && d.path !== "/app" && !d.path.startsWith("/app/") ? 403 : INSIDE[d.permission]);
export const TOKEN_KINDS: Record<string, TokenKind> = {
  "editor's token asking for admin": { user: "editor", scope: () => ({ role: "admin" }), rule: (d) => RULE_OF[d.permission].editor },
  "admin's token capped at viewer": { user: "admin", scope: () => ({ role: "viewer" }), rule: (d) => RULE_OF[d.permission].viewer },
  "admin's token on this cluster under /app (inside)": { user: "admin", scope: (h) => ({ role: "admin", clusterId: h.clusterId, pathPrefix: "/app" }), rule: inside },
  "admin's token under /other (outside the path)": { user: "admin", scope: (h) => ({ role: "admin", clusterId: h.clusterId, pathPrefix: "/other" }), rule: (d) => RULE_OF[d.permission].prefixEditor },
  "admin's token on another cluster (outside)": { user: "admin", scope: (h) => ({ role: "admin", clusterId: h.otherClusterId }), rule: (d) => RULE_OF[d.permission].none },
};

/** `caller`: the user the request is sent as (a token's user), for routes that act on the caller's own things. */
type Entry = { request: (h: Harness, caller?: string) => Promise<Req> };
const c = (h: Harness, rest = "") => `/api/v1/clusters/${h.clusterId}${rest}`;
const acl = [{ scheme: "world", id: "anyone", perms: "cdrwa" }];
const STRONG = "quartz-violet-harbor-42";

/** A pending change request under /app by an editor outside the matrix's role users (so no role is its author). */
async function pendingChange(h: Harness): Promise<number> {
  const path = await h.node("v0", "cr-");
  await h.asAdmin("POST", c(h, "/protections"), { json: { pathPrefix: path, approvals: 1 } });
  const { makeUser } = await import("../support/auth");
  const { send } = await import("./send");
  const author = await makeUser("editor", { name: "cr-author" });
  const r = await send("PUT", c(h, "/znode"), { userId: author.id, query: { path }, json: { data: "v1", version: 0 } });
  if (r.status !== 202) throw new Error(`expected a change request, got ${r.status} ${r.text}`);
  return r.json.changeRequestId as number;
}

export const ROUTE_MATRIX: Record<string, Entry> = {
  "GET /api/v1/acl/presets": { request: async () => ({ url: "/api/v1/acl/presets" }) },
  "POST /api/v1/acl/presets": { request: async (h) => ({ url: "/api/v1/acl/presets", json: { name: h.fresh("preset"), entries: acl } }) },
  "PUT /api/v1/acl/presets/[presetId]": {
    request: async (h) => {
      const id = (await h.asAdmin("POST", "/api/v1/acl/presets", { json: { name: h.fresh("preset"), entries: acl } })).json.preset.id;
      return { url: `/api/v1/acl/presets/${id}`, json: { name: h.fresh("renamed"), entries: acl } };
    },
  },
  "DELETE /api/v1/acl/presets/[presetId]": {
    request: async (h) => ({ url: `/api/v1/acl/presets/${(await h.asAdmin("POST", "/api/v1/acl/presets", { json: { name: h.fresh("preset"), entries: acl } })).json.preset.id}` }),
  },
  "POST /api/v1/acl/digest": { request: async () => ({ url: "/api/v1/acl/digest", json: { user: "alice", password: "secret" } }) },
  "GET /api/v1/admin/grants": { request: async () => ({ url: "/api/v1/admin/grants" }) },
  "POST /api/v1/admin/grants": { request: async (h) => ({ url: "/api/v1/admin/grants", json: { subjectType: "group", subject: h.fresh("group"), role: "viewer" } }) },
  "DELETE /api/v1/admin/grants/[id]": {
    request: async (h) => ({ url: `/api/v1/admin/grants/${(await h.asAdmin("POST", "/api/v1/admin/grants", { json: { subjectType: "group", subject: h.fresh("group"), role: "viewer" } })).json.grant.id}` }),
  },
  "GET /api/v1/admin/groups": { request: async () => ({ url: "/api/v1/admin/groups" }) },
  "GET /api/v1/admin/service-accounts": { request: async () => ({ url: "/api/v1/admin/service-accounts" }) },
  "POST /api/v1/admin/service-accounts": { request: async (h) => ({ url: "/api/v1/admin/service-accounts", json: { name: h.fresh("sa") } }) },
  "GET /api/v1/admin/settings": { request: async () => ({ url: "/api/v1/admin/settings" }) },
  "PATCH /api/v1/admin/settings": { request: async () => ({ url: "/api/v1/admin/settings", json: { defaultRole: "viewer" } }) },
  "GET /api/v1/admin/users": { request: async () => ({ url: "/api/v1/admin/users" }) },
  "POST /api/v1/admin/users": { request: async (h) => ({ url: "/api/v1/admin/users", json: { username: h.fresh("local"), password: STRONG, displayName: "Local" } }) },
  "POST /api/v1/admin/users/[id]/password": {
    request: async () => {
      const { makeUser } = await import("../support/auth");
      return { url: `/api/v1/admin/users/${(await makeUser("viewer")).id}/password`, json: { password: STRONG } };
    },
  },
  "POST /api/v1/account/password": { request: async () => ({ url: "/api/v1/account/password", json: { currentPassword: "x", newPassword: STRONG } }) },
  "GET /api/v1/change-requests": { request: async () => ({ url: "/api/v1/change-requests" }) },
  "GET /api/v1/change-requests/inbox": { request: async () => ({ url: "/api/v1/change-requests/inbox" }) },
  "GET /api/v1/change-requests/[id]": { request: async (h) => ({ url: `/api/v1/change-requests/${await pendingChange(h)}` }) },
  "POST /api/v1/change-requests/[id]/approve": { request: async (h) => ({ url: `/api/v1/change-requests/${await pendingChange(h)}/approve`, json: {} }) },
  "POST /api/v1/change-requests/[id]/reject": { request: async (h) => ({ url: `/api/v1/change-requests/${await pendingChange(h)}/reject`, json: { comment: "no" } }) },
  "POST /api/v1/change-requests/[id]/withdraw": { request: async (h) => ({ url: `/api/v1/change-requests/${await pendingChange(h)}/withdraw`, json: {} }) },
  "POST /api/v1/change-requests/[id]/rebase": { request: async (h) => ({ url: `/api/v1/change-requests/${await pendingChange(h)}/rebase` }) },
  "POST /api/v1/change-requests/[id]/apply-now": { request: async (h) => ({ url: `/api/v1/change-requests/${await pendingChange(h)}/apply-now`, json: { reason: "outage" } }) },
  "GET /api/v1/clusters/[id]/protections": { request: async (h) => ({ url: c(h, "/protections") }) },
  "POST /api/v1/clusters/[id]/protections": { request: async (h) => ({ url: c(h, "/protections"), json: { pathPrefix: `/app/${h.fresh("prot")}`, approvals: 2 } }) },
  "DELETE /api/v1/clusters/[id]/protections/[protectionId]": {
    request: async (h) => ({ url: c(h, `/protections/${(await h.asAdmin("POST", c(h, "/protections"), { json: { pathPrefix: `/app/${h.fresh("prot")}` } })).json.protection.id}`) }),
  },
  "PATCH /api/v1/admin/users/[id]": {
    request: async (h) => {
      const { makeUser } = await import("../support/auth");
      return { url: `/api/v1/admin/users/${(await makeUser("viewer")).id}`, json: { role: "editor" } };
    },
  },
  "GET /api/v1/audit": { request: async () => ({ url: "/api/v1/audit", query: { limit: "5" } }) },
  "GET /api/v1/audit/[id]": { request: async (h) => ({ url: `/api/v1/audit/${(await h.asAdmin("GET", "/api/v1/audit", { query: { limit: "1" } })).json.entries[0].id}` }) },
  "POST /api/v1/audit/[id]/restore": {
    request: async (h) => {
      const path = await h.node("old");
      const set = await h.asAdmin("PUT", c(h, "/znode"), { query: { path }, json: { data: "new", version: 0 } });
      const { auditEntryOfRequest } = await import("../../lib/audit/query");
      const record = await auditEntryOfRequest(set.headers.get("x-request-id")!);
      return { url: `/api/v1/audit/${record.id}/restore`, json: { version: 1, side: "before" } };
    },
  },
  "GET /api/v1/audit/export": { request: async () => ({ url: "/api/v1/audit/export", query: { format: "csv", limit: "5" } }) },
  "GET /api/v1/audit/history": { request: async (h) => ({ url: "/api/v1/audit/history", query: { clusterId: h.clusterId, path: "/app/config" } }) },
  "POST /api/v1/audit/verify": { request: async () => ({ url: "/api/v1/audit/verify" }) },
  "POST /api/v1/audit/checkpoint": { request: async () => ({ url: "/api/v1/audit/checkpoint" }) },
  "GET /api/v1/clusters": { request: async () => ({ url: "/api/v1/clusters" }) },
  "POST /api/v1/clusters": { request: async (h) => ({ url: "/api/v1/clusters", json: { name: h.fresh("reg"), connectionString: h.zk } }) },
  "POST /api/v1/clusters/test": { request: async (h) => ({ url: "/api/v1/clusters/test", json: { connectionString: h.zk } }) },
  "GET /api/v1/clusters/[id]": { request: async (h) => ({ url: c(h) }) },
  "PATCH /api/v1/clusters/[id]": { request: async (h) => ({ url: c(h), json: { latencyAlertMs: 500 } }) },
  "DELETE /api/v1/clusters/[id]": {
    request: async (h) => ({ url: `/api/v1/clusters/${(await h.asAdmin("POST", "/api/v1/clusters", { json: { name: h.fresh("gone"), connectionString: h.zk } })).json.cluster.id}` }),
  },
  "POST /api/v1/promote": { request: async (h) => ({ url: "/api/v1/promote", query: { left: `${h.clusterId}:/app/config`, right: `${h.clusterId}:/app/config` }, json: { dryRun: true } }) },
  "GET /api/v1/diff": { request: async (h) => ({ url: "/api/v1/diff", query: { left: `${h.clusterId}:/app`, right: `${h.clusterId}:/app/config` } }) },
  "GET /api/v1/clusters/[id]/acl": { request: async (h) => ({ url: c(h, "/acl"), query: { path: "/app/config" } }) },
  "PUT /api/v1/clusters/[id]/acl": { request: async (h) => ({ url: c(h, "/acl"), query: { path: await h.node() }, json: { acl, aversion: 0 } }) },
  "POST /api/v1/clusters/[id]/acl/recursive": { request: async (h) => ({ url: c(h, "/acl/recursive"), query: { path: await h.node() }, json: { acl } }) },
  "GET /api/v1/clusters/[id]/children": { request: async (h) => ({ url: c(h, "/children"), query: { path: "/app" } }) },
  "POST /api/v1/clusters/[id]/copy": { request: async (h) => ({ url: c(h, "/copy"), json: { source: "/app/config", target: `/app/${h.fresh("copy")}` } }) },
  "POST /api/v1/clusters/[id]/diagnostics": { request: async (h) => ({ url: c(h, "/diagnostics") }) },
  "GET /api/v1/clusters/[id]/credentials": { request: async (h) => ({ url: c(h, "/credentials") }) },
  "POST /api/v1/clusters/[id]/credentials": { request: async (h) => ({ url: c(h, "/credentials"), json: { scheme: "digest", credential: `${h.fresh("u")}:pw` } }) },
  "DELETE /api/v1/clusters/[id]/credentials/[credentialId]": {
    request: async (h) => ({ url: c(h, `/credentials/${(await h.asAdmin("POST", c(h, "/credentials"), { json: { scheme: "digest", credential: `${h.fresh("u")}:pw` } })).json.credential.id}`) }),
  },
  "GET /api/v1/clusters/[id]/events": { request: async (h) => ({ url: c(h, "/events"), query: { path: "/app/config" } }) },
  "GET /api/v1/clusters/[id]/export": { request: async (h) => ({ url: c(h, "/export"), query: { path: "/app/config" } }) },
  "GET /api/v1/clusters/[id]/search": { request: async (h) => ({ url: c(h, "/search"), query: { path: "/app", q: "config" } }) },
  "GET /api/v1/clusters/[id]/health": { request: async (h) => ({ url: c(h, "/health") }) },
  "GET /api/v1/clusters/[id]/health/alerts": { request: async (h) => ({ url: c(h, "/health/alerts") }) },
  "GET /api/v1/clusters/[id]/health/history": { request: async (h) => ({ url: c(h, "/health/history") }) },
  "POST /api/v1/clusters/[id]/import": {
    request: async (h) => ({
      url: c(h, "/import"), query: { path: `/app/${h.fresh("imp")}`, dryRun: "false" },
      json: { format: "zk-console-export", formatVersion: 1, root: "/src", exportedAt: "2026-01-01T00:00:00Z", nodes: [{ path: "", data: "i", encoding: "utf8" }], count: 1 },
    }),
  },
  "GET /api/v1/clusters/[id]/recipes": { request: async (h) => ({ url: c(h, "/recipes"), query: { roots: "/app" } }) },
  "POST /api/v1/clusters/[id]/recipes/force-release": { request: async (h) => ({ url: c(h, "/recipes/force-release"), json: { path: await h.node("", "lock-"), version: 0, reason: "stuck lock" } }) },
  "GET /api/v1/clusters/[id]/sessions": { request: async (h) => ({ url: c(h, "/sessions") }) },
  "GET /api/v1/clusters/[id]/subtree": { request: async (h) => ({ url: c(h, "/subtree"), query: { path: "/app" } }) },
  "POST /api/v1/clusters/[id]/multi": { request: async (h) => ({ url: c(h, "/multi"), json: { ops: [{ op: "check", path: "/app/config", version: 0 }, { op: "create", path: `/app/${h.fresh("multi")}`, data: "x" }] } }) },
  "GET /api/v1/clusters/[id]/znode": { request: async (h) => ({ url: c(h, "/znode"), query: { path: "/app/config" } }) },
  "POST /api/v1/clusters/[id]/znode": { request: async (h) => ({ url: c(h, "/znode"), query: { path: `/app/${h.fresh("new")}` }, json: { data: "x" } }) },
  "PUT /api/v1/clusters/[id]/znode": { request: async (h) => ({ url: c(h, "/znode"), query: { path: await h.node("v0") }, json: { data: "v1", version: 0 } }) },
  "DELETE /api/v1/clusters/[id]/znode": { request: async (h) => ({ url: c(h, "/znode"), query: { path: await h.node(), version: "0" } }) },
  "GET /api/v1/tokens": { request: async () => ({ url: "/api/v1/tokens" }) },
  "POST /api/v1/tokens": { request: async (h) => ({ url: "/api/v1/tokens", json: { name: h.fresh("token"), role: "viewer", expiresInDays: 1 } }) },
  "DELETE /api/v1/tokens/[id]": {
    request: async (h, caller) => {
      const { newTokenSecret } = await import("../../lib/access/tokens/secret");
      const { db } = await import("../../lib/core/db/client");
      const { secretHash, hint } = newTokenSecret();
      const userId = caller ?? (await db().user.findFirstOrThrow()).id;
      const token = await db().apiToken.create({ data: { name: h.fresh("revoke-me"), userId, createdById: userId, secretHash, hint, role: "viewer", expiresAt: new Date(Date.now() + 86_400_000) } });
      return { url: `/api/v1/tokens/${token.id}` };
    },
  },
  "GET /api/v1/ensemble/[clusterId]/config": { request: async (h) => ({ url: `/api/v1/ensemble/${h.clusterId}/config` }) },
  "POST /api/v1/ensemble/[clusterId]/reconfig/plan": {
    request: async (h) => ({ url: `/api/v1/ensemble/${h.clusterId}/reconfig/plan`, json: { change: "remove", id: 1 } }),
  },
  "POST /api/v1/ensemble/[clusterId]/reconfig": {
    request: async (h) => ({ url: `/api/v1/ensemble/${h.clusterId}/reconfig`, json: { change: { change: "remove", id: 1 }, fromVersion: "0" } }),
  },
  "POST /api/v1/ensemble/generate": { request: async () => ({ url: "/api/v1/ensemble/generate", json: { members: [1, 2, 3].map((id) => ({ id, host: `zk${id}.example.com` })) } }) },
};

/**
 * Server actions ("use server") by file and export, with their rule. There are none today: every
 * change goes through /api/v1. A new action fails the matrix test until it is listed here and
 * checked by its own test.
 */
export const SERVER_ACTIONS: Record<string, Rule> = {};

/**
 * Routes whose allowed roles get a domain answer rather than 2xx on the test's standalone server
 * (reconfiguration needs a multi-server ensemble): proof that the permission check was passed.
 */
const NO_DYNAMIC_CONFIG = { status: 409, code: "RECONFIG_UNAVAILABLE" };
export const ALLOWED_NOT_2XX: Record<string, { status: number; code: string }> = {
  // The role users have no console password (they stand for any account); the check was passed.
  "POST /api/v1/account/password": { status: 409, code: "NOT_LOCAL_ACCOUNT" },
  // Only the author withdraws or rebases (the request builder's author is none of the role users).
  "POST /api/v1/change-requests/[id]/withdraw": { status: 403, code: "FORBIDDEN" },
  "POST /api/v1/change-requests/[id]/rebase": { status: 403, code: "FORBIDDEN" },
  "GET /api/v1/ensemble/[clusterId]/config": NO_DYNAMIC_CONFIG,
  "POST /api/v1/ensemble/[clusterId]/reconfig/plan": NO_DYNAMIC_CONFIG,
  "POST /api/v1/ensemble/[clusterId]/reconfig": NO_DYNAMIC_CONFIG,
};
