// The ZooKeeper client a mutation's run() writes through. Every write lands only on a node the
// mutation authorized (declared in `nodes`, or touched on its way), and an ACL only as it was
// checked: a verb that forgets to authorize a node fails here, loudly, instead of writing it.
import type { AclRule } from "@/lib/core/zk/acl-ids";
import { toRules } from "@/lib/core/zk/acl-ids";
import type { AclEntry, MultiOp, ZkClient } from "@/lib/core/zk/client";
import { parentOf } from "@/lib/core/zk/paths";
import type { TouchedNode } from "./touched-node";

const SEQUENTIAL = 2;
const aclKey = (acl: AclRule[]) => acl.map((e) => `${e.scheme}:${e.id}:${e.perms}`).join(",");

/** What the mutation was allowed to write: per path, its actions and the ACL checked for it. */
export class WritePermits {
  private readonly actions = new Map<string, Set<string>>();
  private readonly acls = new Map<string, string>();

  allow(nodes: TouchedNode[]): void {
    for (const n of nodes) {
      let set = this.actions.get(n.path);
      if (!set) this.actions.set(n.path, (set = new Set()));
      set.add(n.action);
      if (n.action === "set_acl") this.acls.set(n.path, aclKey(n.acl));
    }
  }

  private has(path: string, action: string) {
    return this.actions.get(path)?.has(action) ?? false;
  }

  /** Throws when `path` was not authorized for `action` (for an ACL: not with this ACL). */
  check(action: "create" | "set" | "delete" | "set_acl", path: string, opts: { flags?: number; acl?: AclEntry[] } = {}): void {
    const sequential = action === "create" && ((opts.flags ?? 0) & SEQUENTIAL) !== 0;
    const allowed = this.has(path, action) || (sequential && this.has(parentOf(path), "create")) || (action === "delete" && this.has(path, "created"));
    if (!allowed) throw unauthorizedWrite(action, path);
    if (opts.acl && this.acls.get(path) !== aclKey(toRules(opts.acl))) throw unauthorizedWrite("set_acl", path);
  }

  /** A node the mutation created itself: it may take it back (undo), whatever the grant says. */
  created(path: string): void {
    this.allow([{ path, action: "create" }]);
    this.actions.get(path)!.add("created");
  }
}

function unauthorizedWrite(action: string, path: string): Error {
  // A bug in a verb, never the caller's doing: a 500 with the details in the log.
  return new Error(`refused to ${action} ${path}: the mutation did not authorize it first (declare it in nodes or touch it)`);
}

export function guardedClient(client: ZkClient, permits: WritePermits): ZkClient {
  const guarded: Partial<ZkClient> = {
    async create(path, data, flags, ttl) {
      permits.check("create", path, { flags });
      const created = await client.create(path, data, flags, ttl);
      permits.created(created);
      return created;
    },
    set(path, data, version) {
      permits.check("set", path);
      return client.set(path, data, version);
    },
    delete(path, version) {
      permits.check("delete", path);
      return client.delete(path, version);
    },
    setAcl(path, version, acl) {
      permits.check("set_acl", path, { acl });
      return client.setAcl(path, version, acl);
    },
    async multi(ops: MultiOp[]) {
      for (const o of ops) {
        if (o.op === "create") {
          permits.check("create", o.path, { flags: o.flags });
          if (o.acl) permits.check("set_acl", o.path, { acl: o.acl });
        } else if (o.op !== "check") permits.check(o.op, o.path);
      }
      const results = await client.multi(ops);
      for (const r of results) if (r.op === "create") permits.created(r.path);
      return results;
    },
  };
  return new Proxy(client, {
    get(target, key, receiver) {
      if (Object.hasOwn(guarded, key)) return guarded[key as keyof ZkClient];
      const v = Reflect.get(target, key, receiver);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}
