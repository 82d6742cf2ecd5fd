// The write check every mutation passes. Roles and grants (global, per cluster,
// per path prefix) plug in here; today: viewers never write, read-only clusters
// refuse every write, and the /zookeeper system tree is off limits.
import { ConsoleError } from "../errors";
import type { Actor } from "../auth/session";

export type WriteAction = "write" | "delete" | "admin";

const WRITERS = new Set(["editor", "admin"]);

export function authorizeWrite(actor: Actor, cluster: { name: string; readOnly: boolean }, paths: (string | null | undefined)[], action: WriteAction): void {
  if (cluster.readOnly) {
    throw new ConsoleError("READ_ONLY_CLUSTER", 403, `cluster "${cluster.name}" is registered read-only; an admin can change that in the cluster settings`);
  }
  if (!WRITERS.has(actor.role) || (action === "admin" && actor.role !== "admin")) {
    throw new ConsoleError("FORBIDDEN", 403, `your role (${actor.role}) may not ${action === "admin" ? "administer" : "change"} znodes on cluster "${cluster.name}"`);
  }
  for (const p of paths) {
    if (p && (p === "/" && action === "delete")) throw new ConsoleError("FORBIDDEN_PATH", 403, "the root znode / cannot be deleted");
    if (p && (p === "/zookeeper" || p.startsWith("/zookeeper/"))) {
      throw new ConsoleError("FORBIDDEN_PATH", 403, `${p} belongs to ZooKeeper itself (quotas and config); the console does not change it`);
    }
  }
}
