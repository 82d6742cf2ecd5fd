// The one read/write check, for every route, page and server action. An actor's rights are its
// global role (User.role, a global grant) plus its grants: its own and its IdP groups' (the group
// mappings), each global or on one cluster, optionally only under a path prefix.
import { errors } from "@/lib/core/errors";
import { RANK, isRole, prefixCovers, type GrantRef, type Role } from "./roles";
import type { Actor } from "@/lib/core/actor";

export type { Role } from "./roles";
export type Action = "read" | "write" | "admin";
export type ClusterRef = { id: string; name: string };

const NEEDED: Record<Action, Role> = { read: "viewer", write: "editor", admin: "admin" };

/** Every grant of the actor, the global role first. */
export function grantsOf(actor: Actor): GrantRef[] {
  const global: GrantRef[] = isRole(actor.role) ? [{ role: actor.role, clusterId: null, pathPrefix: null, via: "global role" }] : [];
  return [...global, ...(actor.grants ?? [])];
}

const onCluster = (g: GrantRef, cluster: ClusterRef) => g.clusterId === null || g.clusterId === cluster.id;

/** The actor's highest role on a cluster path, or null when it has none there. */
export function roleAt(actor: Actor, cluster: ClusterRef, path: string): Role | null {
  let best: Role | null = null;
  for (const g of grantsOf(actor)) {
    if (onCluster(g, cluster) && prefixCovers(g.pathPrefix, path) && (!best || RANK[g.role] > RANK[best])) best = g.role;
  }
  return best;
}

export function can(actor: Actor, action: Action, cluster: ClusterRef, path = "/"): boolean {
  const role = roleAt(actor, cluster, path);
  return role !== null && RANK[role] >= RANK[NEEDED[action]];
}

/** Whether the actor holds a role good for `action` anywhere on the cluster (any path prefix). */
export function canSomewhere(actor: Actor, action: Action, cluster: ClusterRef): boolean {
  return grantsOf(actor).some((g) => onCluster(g, cluster) && RANK[g.role] >= RANK[NEEDED[action]]);
}

/**
 * The path prefixes strictly below `path` where a grant lets the actor read though it may not read
 * `path` itself: a walk (search) passes through `path` towards them and shows nothing on the way.
 */
export function readablePrefixesBelow(actor: Actor, cluster: ClusterRef, path: string): string[] {
  return grantsOf(actor)
    .filter((g) => onCluster(g, cluster) && RANK[g.role] >= RANK.viewer && g.pathPrefix && g.pathPrefix !== path && prefixCovers(path, g.pathPrefix))
    .map((g) => g.pathPrefix!);
}

/** Whether the actor may know the cluster exists at all (any grant anywhere on it). */
export function canSeeCluster(actor: Actor, cluster: ClusterRef): boolean {
  return grantsOf(actor).some((g) => onCluster(g, cluster));
}

/** Admin everywhere (a global, unscoped admin grant): registry, users, grants, the audit trail. */
export function isGlobalAdmin(actor: Actor): boolean {
  return grantsOf(actor).some((g) => g.role === "admin" && g.clusterId === null && !g.pathPrefix);
}


/** Throws 404 for a cluster the actor may not see (its existence is not revealed), 403 otherwise. */
export function authorize(actor: Actor, action: Action, cluster: ClusterRef, path = "/"): void {
  if (!canSeeCluster(actor, cluster)) throw errors.clusterNotFound(cluster.id);
  if (can(actor, action, cluster, path)) return;
  const verb = action === "read" ? "read" : action === "write" ? "change" : "administer";
  throw errors.forbidden(verb, path, cluster.name);
}

/** For the registry, users, grants and the audit trail. */
export function requireGlobalAdmin(actor: Actor, what: string): void {
  if (!isGlobalAdmin(actor)) throw errors.adminOnly(what);
}
