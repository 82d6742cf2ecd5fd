// A NO_AUTH from ZooKeeper, explained: which ACL blocks the console's session, which permission
// it lacks and which identities it holds, so an operator knows which credential would help.
import { sessionTargetOf } from "./cluster-session";
import { ConsoleError, errors } from "@/lib/core/errors";
import type { ZkClient } from "@/lib/core/zk/client";
import { isZkCode } from "@/lib/core/zk/errors";
import type { SessionTarget } from "@/lib/core/zk/sessions";
import { formatAclView, type AclView } from "@/lib/core/zk/perms";
import { identitiesOf, identityLabel } from "./session-identities";
import { PERMS, type PermName } from "@/lib/core/zk/perms";

const parentOf = (path: string) => (path.lastIndexOf("/") <= 0 ? "/" : path.slice(0, path.lastIndexOf("/")));

/** Which permission on which node an operation needs: creating and deleting are checked on the parent. */
export function neededFor(operation: string, path: string): { needed: PermName; node: string } | null {
  switch (operation) {
    case "read": return { needed: "read", node: path };
    case "create": return { needed: "create", node: parentOf(path) };
    case "delete": return { needed: "delete", node: parentOf(path) };
    case "set": return { needed: "write", node: path };
    case "set_acl": return { needed: "admin", node: path };
    default: return null;
  }
}

async function readableAcl(client: ZkClient, path: string): Promise<AclView[] | null> {
  try {
    return formatAclView((await client.getAcl(path)).acl);
  } catch (e) {
    if (isZkCode(e, "NO_AUTH") || isZkCode(e, "NO_NODE")) return null;
    throw e;
  }
}

/** `details` of an explained NO_AUTH (the browser reads it as NoAuthDetails). */
export const noAuthDetails = (d: { path: string; node: string; needed: PermName; acl: AclView[] | null; identities: string[] }) => d;

export async function explainNoAuth(client: ZkClient, target: SessionTarget, operation: string, path: string): Promise<ConsoleError | null> {
  const need = neededFor(operation, path);
  if (!need) return null;
  const letter = PERMS.find((p) => p.name === need.needed)!.letter;
  const acl = await readableAcl(client, need.node).catch(() => null);
  const identities = identitiesOf(target).map(identityLabel);
  const grantees = acl?.filter((e) => e.perms.includes(letter)).map((e) => `${e.scheme}:${e.id}`) ?? [];
  const whoMay = acl === null
    ? `its ACL is hidden from the session too (ZooKeeper shows an ACL only to sessions with READ or ADMIN on the node)`
    : grantees.length ? `its ACL grants ${need.needed} only to ${grantees.join(", ")}` : `its ACL grants ${need.needed} to no one`;
  const fix = grantees.some((g) => g.startsWith("digest:"))
    ? `add the matching digest user as a ZooKeeper credential of this cluster (cluster settings)`
    : `add a ZooKeeper credential of this cluster (cluster settings) that the ACL grants, or ask the owner of ${need.node} to change its ACL`;
  return errors.noAuth(
    `the console's ZooKeeper session may not ${need.needed} ${need.node === path ? path : `${path} (checked on its parent ${need.node})`}: ${whoMay}; the session is ${identities.join(", ")}. To fix: ${fix}.`,
    noAuthDetails({ path, node: need.node, needed: need.needed, acl, identities }),
  );
}

/** For the one mutation path: a NO_AUTH of a single-node write becomes the explained error; anything else passes through. */
export async function explainIfNoAuth(err: Error, client: ZkClient, cluster: { id: string; name: string; connectionString: string; sessionTimeoutMs: number }, operation: string, path: string): Promise<Error> {
  if (!isZkCode(err, "NO_AUTH")) return err;
  try {
    return (await explainNoAuth(client, await sessionTargetOf(cluster), operation, path)) ?? err;
  } catch {
    return err; // the explanation is a courtesy; the original error stands
  }
}
