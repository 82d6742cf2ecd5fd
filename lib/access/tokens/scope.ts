// What a token may do: its scope intersected with what its user may do now. Both are unions of
// grants (role, cluster, path prefix), and intersection distributes over union, so the token's
// grants are each user grant cut down to the scope: the lower role, the one cluster, the deeper
// prefix (or nothing when the prefixes are disjoint). Evaluated at every request, so a token loses
// a right the moment its user does.
import type { Actor, GrantRef, Role } from "@/lib/core/actor";
import { grantsOf } from "../permissions";
import { RANK, prefixCovers } from "../roles";

export type TokenScope = { role: Role | null; clusterId: string | null; pathPrefix: string | null };

const normal = (prefix: string | null) => (prefix && prefix !== "/" ? prefix : null);

/** The deeper of two prefixes when one covers the other, undefined when they are disjoint. */
function narrower(a: string | null, b: string | null): string | null | undefined {
  if (a === null) return b;
  if (b === null) return a;
  if (prefixCovers(a, b)) return b;
  if (prefixCovers(b, a)) return a;
  return undefined;
}

export function scopedGrants(user: Actor, scope: TokenScope): GrantRef[] {
  const { role } = scope;
  if (!role) return [];
  return grantsOf(user).flatMap((g): GrantRef[] => {
    if (g.clusterId && scope.clusterId && g.clusterId !== scope.clusterId) return [];
    const pathPrefix = narrower(normal(g.pathPrefix), normal(scope.pathPrefix));
    if (pathPrefix === undefined) return [];
    return [{ role: RANK[g.role] <= RANK[role] ? g.role : role, clusterId: g.clusterId ?? scope.clusterId, pathPrefix, via: `token scope within ${g.via ?? "a grant"}` }];
  });
}
