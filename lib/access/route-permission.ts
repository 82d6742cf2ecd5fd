// What a route declares about its callers, checked by the route wrapper before the handler runs
// (so before any body byte is read). Verbs still check every node an operation touches; this is
// the gate a reader of the route file sees: `route({ permission: "znode:write", cluster: "id",
// path: "?path" }, handler)`.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";
import { ALLOWLIST_PROVIDER } from "@/lib/core/actor";
import type { Cluster } from "@/lib/core/db/generated/prisma/client";
import { ConsoleError, errors } from "@/lib/core/errors";
import { auditActor, recordRefusal } from "./audit/record";
import { clusterOf } from "./clusters";
import { authorizeNodes } from "./mutations/authorize";
import { authorize, canSeeCluster, canSomewhere, requireGlobalAdmin, type Action } from "./permissions";

export const PERMISSIONS = {
  /** Any signed-in user; nothing cluster-specific is revealed. */
  "signed-in": null,
  /** A global, unscoped admin: the registry, users, grants, settings, presets, the audit trail. */
  admin: null,
  /** Any grant on the cluster; without one the cluster does not exist (404). */
  "cluster:visible": null,
  /** Read the znode at the declared path (without one: read somewhere on the cluster). */
  "znode:read": "read",
  /** Change the znode at the declared path (without one: change something on the cluster); never on a read-only cluster. */
  "znode:write": "write",
  /** Admin on the znode at the declared path: its ACL, a forced release; never on a read-only cluster. */
  "znode:admin": "admin",
  /** Admin on the whole cluster (its root): credentials, reconfiguration. */
  "cluster:admin": "admin",
  /** Scrape /metrics: an API token with the metrics scope, or a client address in METRICS_ALLOW (no credentials). */
  metrics: null,
} as const satisfies Record<string, Action | null>;

export type Permission = keyof typeof PERMISSIONS;

/** Where a value comes from: a route parameter's name, `?name` for a query parameter, a fixed `/path`. */
type Source = string;
type QueryParam = `?${string}`;
type Target = { clusterId: string; path?: string } | null;

export type RouteDeclaration<P = Record<string, string>> = {
  permission: Permission;
  /** The cluster id: a route parameter (`"id"`) or a query parameter (`"?clusterId"`). */
  cluster?: (keyof P & string) | QueryParam;
  /** The znode path(s) checked: a query parameter (`"?path"`, every value when repeated) or a fixed path (`"/"`). */
  path?: QueryParam | `/${string}`;
  /** Cluster and path found from something else the request names (an audit record), when not in the URL. */
  target?: (args: { params: P }) => Promise<Target>;
  /** Several places named by the query (a diff's two sides), each checked; null for one the verb will refuse as invalid. */
  targets?: (search: URLSearchParams) => ({ clusterId: string; path: string; permission?: Permission } | null)[];
  /**
   * For ZooKeeper writes: the operation a refusal is audited as (a write refused up front is
   * recorded as failed, as the mutation pipeline does), from the query when it depends on it.
   */
  audit?: string | ((search: URLSearchParams) => string);
  /** Refused to API tokens, saying what they may not do ("manage API tokens"): it needs a console session. */
  sessionOnly?: string;
  /** Callable by a user who must change its password first (everything else refuses it until then). */
  duringPasswordChange?: true;
  /** The largest request body read, in bytes (default: MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /**
   * Every refusal (no target, a cluster the caller may not see, a path it may not change) answers
   * with this one error instead, so a caller cannot tell what exists from what it may not touch.
   */
  hidden?: (args: { params: P }) => ConsoleError;
};

type Request = { method: string; pathname: string; params: Record<string, string>; search: URLSearchParams };

const valuesOf = (source: Source | undefined, req: Request): string[] | undefined => {
  if (source === undefined) return undefined;
  if (source.startsWith("/")) return [source];
  if (source.startsWith("?")) return req.search.getAll(source.slice(1));
  return req.params[source] === undefined ? [] : [req.params[source]];
};

async function targetOf<P>(decl: RouteDeclaration<P>, req: Request): Promise<{ clusterId: string; paths?: string[] } | null> {
  if (decl.target) {
    const t = await decl.target({ params: req.params as P });
    return t && { clusterId: t.clusterId, paths: t.path === undefined ? undefined : [t.path] };
  }
  const [clusterId] = valuesOf(decl.cluster, req) ?? [];
  // Missing in the request: the handler's own input check answers (400), and the verb's checks still apply.
  return clusterId === undefined ? null : { clusterId, paths: valuesOf(decl.path, req) };
}

export async function authorizeRoute<P>(ctx: RequestCtx, decl: RouteDeclaration<P>, req: Request): Promise<void> {
  try {
    await authorizeDeclared(ctx, decl, req);
  } catch (e) {
    const refused = e instanceof ConsoleError && (e.status === 403 || e.status === 404);
    throw refused && decl.hidden ? decl.hidden({ params: req.params as P }) : e;
  }
}

async function authorizeDeclared<P>(ctx: RequestCtx, decl: RouteDeclaration<P>, req: Request): Promise<void> {
  const { actor } = ctx;
  if (decl.permission === "signed-in") return;
  if (decl.permission === "admin") return requireGlobalAdmin(actor, `${req.method} ${req.pathname}`);
  if (decl.permission === "metrics") {
    if (actor.token?.metrics || actor.provider === ALLOWLIST_PROVIDER) return;
    throw errors.metricsRefused();
  }
  if (decl.targets) {
    for (const t of decl.targets(req.search)) if (t) await authorizeTarget(ctx, { ...decl, permission: t.permission ?? decl.permission }, req, { clusterId: t.clusterId, paths: [t.path] });
    return;
  }
  const target = await targetOf(decl, req);
  if (!target) {
    if (decl.hidden) throw decl.hidden({ params: req.params as P });
    return;
  }
  await authorizeTarget(ctx, decl, req, target);
}

async function authorizeTarget<P>(ctx: RequestCtx, decl: RouteDeclaration<P>, req: Request, target: { clusterId: string; paths?: string[] }): Promise<void> {
  const { actor } = ctx;
  const cluster = await clusterOf(ctx, target.clusterId);
  if (!canSeeCluster(actor, cluster)) throw errors.clusterNotFound(cluster.id);
  const action = PERMISSIONS[decl.permission];
  if (action === null) return;
  const paths = decl.permission === "cluster:admin" ? ["/"] : target.paths?.length ? target.paths : null;
  if (decl.permission !== "znode:write" && decl.permission !== "znode:admin") return check(ctx, action, cluster, paths);
  try {
    if (paths) authorizeNodes(actor, cluster, paths.map((path) => ({ path, action: "set", needs: action === "admin" ? "admin" : "write" })));
    else if (cluster.readOnly) throw errors.readOnlyCluster(cluster.name);
    else check(ctx, action, cluster, null);
  } catch (e) {
    const operation = typeof decl.audit === "function" ? decl.audit(req.search) : decl.audit ?? `${req.method} ${req.pathname}`;
    await recordRefusal({ ...auditActor(ctx), cluster: { id: cluster.id, name: cluster.name }, operation, path: paths?.[0] ?? null }, e as Error);
    throw e;
  }
}

function check(ctx: RequestCtx, action: Action, cluster: Cluster, paths: string[] | null): void {
  if (paths) for (const p of paths) authorize(ctx.actor, action, cluster, p);
  else if (!canSomewhere(ctx.actor, action, cluster)) throw errors.forbidden(action === "read" ? "read" : action === "write" ? "change" : "administer", "anything", cluster.name);
}
