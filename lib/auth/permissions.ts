// The one read check and the one write check, for every route, page and server action.
// Roles today are global (User.role); grants per cluster and path prefix plug in here.
import { ConsoleError } from "../errors";
import type { Actor } from "./session";

export type Role = "viewer" | "editor" | "admin";
export type Action = "read" | "write" | "admin";
export type ClusterRef = { id: string; name: string };

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };
const NEEDED: Record<Action, Role> = { read: "viewer", write: "editor", admin: "admin" };

/** The actor's role on a cluster path, or null when it has none there. */
export function roleAt(actor: Actor, _cluster: ClusterRef, _path: string): Role | null {
  return (actor.role in RANK ? actor.role : null) as Role | null;
}

export function can(actor: Actor, action: Action, cluster: ClusterRef, path = "/"): boolean {
  const role = roleAt(actor, cluster, path);
  return role !== null && RANK[role] >= RANK[NEEDED[action]];
}

/** Whether the actor may know the cluster exists at all (any grant anywhere on it). */
export function canSeeCluster(actor: Actor, cluster: ClusterRef): boolean {
  return roleAt(actor, cluster, "/") !== null;
}

/** Throws 404 for a cluster the actor may not see (its existence is not revealed), 403 otherwise. */
export function authorize(actor: Actor, action: Action, cluster: ClusterRef, path = "/"): void {
  if (!canSeeCluster(actor, cluster)) throw new ConsoleError("NOT_FOUND", 404, `no cluster with id ${JSON.stringify(cluster.id)} is registered`);
  if (can(actor, action, cluster, path)) return;
  const verb = action === "read" ? "read" : action === "write" ? "change" : "administer";
  throw new ConsoleError("FORBIDDEN", 403, `you may not ${verb} ${path} on cluster "${cluster.name}"; ask an admin for a grant`);
}
