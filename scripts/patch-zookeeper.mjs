// postinstall: fix a crash in the `zookeeper` binding. Its get_acl completion frees the
// ACL vector unconditionally, so any failed getACL (NoNode, connection loss) dereferences
// NULL and kills the whole console with a segfault. Guard it and rebuild the addon once.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "node_modules", "zookeeper");
const src = path.join(dir, "src", "node-zk.cpp");
const UNPATCHED = "        deallocate_ACL_vector(acl);\n\n        CALLBACK_EPILOG();";
const PATCHED = "        if (acl != NULL) deallocate_ACL_vector(acl); /* patched by zk-console */\n\n        CALLBACK_EPILOG();";

if (!fs.existsSync(src)) process.exit(0);
const text = fs.readFileSync(src, "utf8");
const built = fs.existsSync(path.join(dir, "build", "Release", "zookeeper.node"));
if (text.includes(PATCHED) && built) process.exit(0);
if (!text.includes(UNPATCHED) && !text.includes(PATCHED)) {
  console.warn("[patch-zookeeper] the binding's source changed; the get_acl NULL guard was not applied — check src/node-zk.cpp acl_completion");
  process.exit(0);
}
fs.writeFileSync(src, text.replace(UNPATCHED, PATCHED));
const npmDir = path.dirname(fs.realpathSync(process.env.npm_execpath ?? execFileSync("which", ["npm"]).toString().trim()));
const candidates = [path.join(npmDir, "..", "node_modules", "node-gyp", "bin", "node-gyp.js"), path.join(npmDir, "node_modules", "node-gyp", "bin", "node-gyp.js")];
const gyp = candidates.find((c) => fs.existsSync(c));
console.log("[patch-zookeeper] rebuilding the zookeeper addon with the get_acl NULL guard…");
// Build against the local Node headers (there is no network to download them).
const nodedir = process.env.npm_config_nodedir || (fs.existsSync("/usr/include/node/node.h") ? "/usr" : path.resolve(process.execPath, "..", ".."));
execFileSync(process.execPath, [gyp ?? "node-gyp", "rebuild", `--nodedir=${nodedir}`], { cwd: dir, stdio: "inherit" });
