// A console restarted from scratch: a new process reads a znode of a cluster through the same
// database (credentials decrypted with CONSOLE_SECRET_KEY) and prints the result as JSON.
// Usage: tsx --conditions=react-server test/acl/read-node.ts <clusterId> <path>
import { getNode } from "../../lib/znodes/get-node";
import { closeSession } from "../../lib/core/zk/sessions";
import { actorCtx } from "../support/actors";

const [clusterId, path] = process.argv.slice(2);
getNode({ ctx: actorCtx("viewer"), clusterId, input: { path } })
  .then((n) => ({ ok: true, text: n.data.text }), (e: { code?: string; message?: string }) => ({ ok: false, code: e.code, message: e.message }))
  .then((r) => {
    process.stdout.write(JSON.stringify(r) + "\n");
    closeSession(clusterId);
    setTimeout(() => process.exit(0), 100);
  });
