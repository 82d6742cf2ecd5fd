// postinstall: fix crashes and a stuck reconnect in the `zookeeper` binding (7.x), then
// rebuild the addon once. Each patch is an exact text replacement in src/node-zk.cpp:
//  1. get_acl's completion frees the ACL vector unconditionally, so any failed getACL
//     (NoNode, connection loss) dereferences NULL and kills the process.
//  2. When zookeeper_interest() fails (a member went away, a connect timed out), yield()
//     returns without re-arming its timer, so the handle stops polling and stays in
//     "connecting" forever. Re-arm the timer and drop the poll handle of the dead socket.
//  3. When zookeeper_process() reports an error the C client has closed its socket; the
//     next socket often gets the same fd number, and the old poll handle must not be
//     reused for it.
//  4. The C client opens its sockets without close-on-exec. Any child process started
//     while a session is open (a ZooKeeper member, a session worker) inherits the socket
//     and keeps it alive after the client closed it; epoll then keeps reporting the dead
//     socket under the reused fd number and the client spins without ever reconnecting.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "node_modules", "zookeeper");
const src = path.join(dir, "src", "node-zk.cpp");
const clientDir = path.join(dir, "deps", "zookeeper-client-c");
const clientSrc = path.join(clientDir, "src", "zookeeper.c");
const MARK = "/* patched by zk-console */";

const patches = [
  {
    name: "get_acl NULL guard",
    from: "        deallocate_ACL_vector(acl);\n\n        CALLBACK_EPILOG();",
    to: `        if (acl != NULL) deallocate_ACL_vector(acl); ${MARK}\n\n        CALLBACK_EPILOG();`,
  },
  {
    name: "keep polling after a failed zookeeper_interest",
    from: `            LOG_ERROR("yield:zookeeper_interest returned error: %d - %s\\n", rc, zerror(rc));\n            return;`,
    to: `            LOG_ERROR("yield:zookeeper_interest returned error: %d - %s\\n", rc, zerror(rc));\n            ${MARK}\n            if (zk_io) { uv_close((uv_handle_t*) zk_io, delete_on_close); zk_io = NULL; }\n            fd = -1;\n            uv_timer_start(&zk_timer, &zk_timer_cb, 100, 100);\n            return;`,
  },
  {
    name: "fresh poll handle after a socket error",
    from: `            LOG_ERROR("yield:zookeeper_process returned an error: %d - %s\\n", rc, zerror(rc));\n        }`,
    to: `            LOG_ERROR("yield:zookeeper_process returned an error: %d - %s\\n", rc, zerror(rc));\n            ${MARK}\n            if (zk->zk_io) { uv_poll_stop(zk->zk_io); uv_close((uv_handle_t*) zk->zk_io, delete_on_close); zk->zk_io = NULL; }\n            zk->fd = -1;\n        }`,
  },
];

const clientPatches = [
  {
    name: "close-on-exec client sockets",
    from: "#ifdef SOCK_CLOEXEC_ENABLED\n    sock_flags = SOCK_STREAM | SOCK_CLOEXEC;",
    to: `#if 1 ${MARK}\n    sock_flags = SOCK_STREAM | SOCK_CLOEXEC;`,
    all: true,
  },
];

/** Apply the patches to one file; true when it changed. */
function patchFile(file, list) {
  let text = fs.readFileSync(file, "utf8");
  let changed = false;
  for (const p of list) {
    if (text.includes(p.to) && !text.includes(p.from)) continue;
    if (!text.includes(p.from)) {
      console.warn(`[patch-zookeeper] the binding's source changed; "${p.name}" was not applied: check ${file}`);
      continue;
    }
    text = p.all ? text.split(p.from).join(p.to) : text.replace(p.from, p.to);
    changed = true;
  }
  if (changed) fs.writeFileSync(file, text);
  return changed;
}

if (!fs.existsSync(src)) process.exit(0);
// The package's own install script unpacks the C client; when npm skipped it, unpack it here.
if (!fs.existsSync(clientSrc)) execFileSync(process.execPath, ["scripts/prepublish.js"], { cwd: dir, stdio: "inherit" });
const built = fs.existsSync(path.join(dir, "build", "Release", "zookeeper.node"));
const changed = [patchFile(src, patches), patchFile(clientSrc, clientPatches)].some(Boolean);
if (!changed && built) process.exit(0);
const npmDir = path.dirname(fs.realpathSync(process.env.npm_execpath ?? execFileSync("which", ["npm"]).toString().trim()));
const candidates = [path.join(npmDir, "..", "node_modules", "node-gyp", "bin", "node-gyp.js"), path.join(npmDir, "node_modules", "node-gyp", "bin", "node-gyp.js")];
const gyp = candidates.find((c) => fs.existsSync(c));
console.log("[patch-zookeeper] rebuilding the zookeeper addon with the console's fixes…");
// Build against the local Node headers (there is no network to download them).
const nodedir = process.env.npm_config_nodedir || (fs.existsSync("/usr/include/node/node.h") ? "/usr" : path.resolve(process.execPath, "..", ".."));
execFileSync(process.execPath, [gyp ?? "node-gyp", "rebuild", `--nodedir=${nodedir}`], { cwd: dir, stdio: "inherit" });
