import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { znodeKeys } from "./keys";

export const parentPath = (path: string) => (path.lastIndexOf("/") <= 0 ? "/" : path.slice(0, path.lastIndexOf("/")));

const within = (path: unknown, root: string) => typeof path === "string" && (path === root || root === "/" || path.startsWith(root + "/"));

/** Keys of ["znodes", cluster, kind, path, ...] whose path lies in the subtree under `root`. */
const inSubtree = (clusterId: string, root: string) => (query: { queryKey: QueryKey }) =>
  query.queryKey[0] === "znodes" && query.queryKey[1] === clusterId && within(query.queryKey[3], root);

type Changes = {
  /** Nodes created or changed: their own entry and their parent's children lists. */
  changed?: string[];
  /** Subtrees written below their root (import, copy target): every entry inside is refetched. */
  changedSubtrees?: string[];
  /** Subtrees deleted or moved away: marked stale without refetching (the screen moves elsewhere). */
  removed?: string[];
};

/** After a write: refresh what it affected, through the key factory. */
export async function refreshAfterWrite(queryClient: QueryClient, clusterId: string, { changed = [], changedSubtrees = [], removed = [] }: Changes) {
  const jobs: Promise<unknown>[] = [];
  for (const root of changedSubtrees) jobs.push(queryClient.invalidateQueries({ predicate: inSubtree(clusterId, root) }));
  for (const root of removed) {
    jobs.push(queryClient.invalidateQueries({ predicate: inSubtree(clusterId, root), refetchType: "none" }));
    jobs.push(queryClient.invalidateQueries({ queryKey: znodeKeys.childrenOf(clusterId, parentPath(root)) }));
  }
  for (const path of [...changed, ...changedSubtrees]) {
    jobs.push(queryClient.invalidateQueries({ queryKey: znodeKeys.node(clusterId, path) }));
    jobs.push(queryClient.invalidateQueries({ queryKey: znodeKeys.childrenOf(clusterId, path) }));
    jobs.push(queryClient.invalidateQueries({ queryKey: znodeKeys.subtree(clusterId, path) }));
    if (path !== "/") {
      jobs.push(queryClient.invalidateQueries({ queryKey: znodeKeys.node(clusterId, parentPath(path)) })); // numChildren, cversion
      jobs.push(queryClient.invalidateQueries({ queryKey: znodeKeys.childrenOf(clusterId, parentPath(path)) }));
    }
  }
  await Promise.all(jobs);
}
