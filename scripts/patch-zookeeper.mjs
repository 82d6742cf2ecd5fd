// postinstall: apply patches/zookeeper/*.patch (in name order) to node_modules/zookeeper – the
// binding 7.3.0 and the C client 3.8 its install script unpacks – then rebuild the C client with
// OpenSSL and Cyrus SASL and the addon against the local Node headers (no network).
// Fails loudly, naming the patch, when one does not apply; a re-run on a patched tree applies
// nothing and rebuilds only when the patches, the Node version or the built addon changed.
// What each patch does: its header, and README "Notes on the ZooKeeper client".
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensureNativePrerequisites } from "./prerequisites.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dir = path.join(root, "node_modules", "zookeeper");
// ZK_PATCH_DIR: another patch series (scripts/patch-zookeeper.test.ts checks a failing one).
const patchDir = process.env.ZK_PATCH_DIR ?? path.join(root, "patches", "zookeeper");
const clientDir = path.join(dir, "deps", "zookeeper-client-c");
const addon = path.join(dir, "build", "Release", "zookeeper.node");
const stampFile = path.join(dir, "build", "zk-console.stamp");
const PINNED = "7.3.0";

const fail = (message) => {
  console.error(`[patch-zookeeper] ${message}`);
  process.exit(1);
};

if (!fs.existsSync(path.join(dir, "package.json"))) process.exit(0);
const version = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
if (version !== PINNED) fail(`the patches are made for zookeeper ${PINNED}, node_modules has ${version}: pin "zookeeper": "${PINNED}" in package.json`);

ensureNativePrerequisites();

// The package's own install script unpacks the C client; when npm skipped it, unpack it here.
if (!fs.existsSync(path.join(clientDir, "src", "zookeeper.c"))) execFileSync(process.execPath, ["scripts/prepublish.js"], { cwd: dir, stdio: "inherit" });

const patchArgs = (file, ...flags) => ["-p1", "-d", dir, "-i", file, "--batch", "--silent", "--force", ...flags];
const runPatch = (file, ...flags) => spawnSync("patch", patchArgs(file, ...flags), { encoding: "utf8" });
// What a patch changes: its diff, not the description above it.
const diffOf = (file) => {
  const text = fs.readFileSync(file, "utf8");
  const start = text.search(/^(diff |--- )/m);
  return start < 0 ? text : text.slice(start);
};
const sha = (text) => crypto.createHash("sha256").update(text).digest("hex");

// Which patches this tree has (name and content hash), so a re-run neither fails nor re-applies;
// a later patch may change lines an earlier one touched, so "applies in reverse" cannot tell alone.
const recordFile = path.join(dir, ".zk-console-patches");
const record = new Map(fs.existsSync(recordFile) ? fs.readFileSync(recordFile, "utf8").trim().split("\n").filter(Boolean).map((l) => l.split(" ")) : []);
let applied = 0;
const patches = fs.readdirSync(patchDir).filter((f) => f.endsWith(".patch")).sort();
for (const name of patches) {
  const file = path.join(patchDir, name);
  const hash = sha(diffOf(file));
  if (record.has(name) && record.get(name) !== hash) fail(`node_modules/zookeeper has an older version of patches/zookeeper/${name}: reinstall the binding (rm -rf node_modules/zookeeper && npm install)`);
  if (record.get(name) === hash) continue;
  if (runPatch(file, "--forward", "--dry-run").status === 0) {
    const done = runPatch(file, "--forward", "--no-backup-if-mismatch");
    if (done.status !== 0) fail(`patches/zookeeper/${name} failed:\n${done.stdout}${done.stderr}`);
    console.log(`[patch-zookeeper] applied ${name}`);
    applied++;
  } else {
    // Applied before this record existed (an older install): then it reverses cleanly.
    const check = runPatch(file, "--reverse", "--dry-run");
    if (check.status !== 0) fail(`patches/zookeeper/${name} does not apply to node_modules/zookeeper ${version}:\n${runPatch(file, "--forward", "--dry-run").stdout}`);
  }
  record.set(name, hash);
  fs.writeFileSync(recordFile, [...record].map(([n, h]) => `${n} ${h}\n`).join(""));
}

const stamp = crypto.createHash("sha256").update(process.version).update(process.arch);
for (const name of patches) stamp.update(name).update(diffOf(path.join(patchDir, name)));
const wanted = stamp.digest("hex");
const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8").trim() : "";
if (applied === 0 && current === wanted && fs.existsSync(addon)) process.exit(0);

const npmDir = path.dirname(fs.realpathSync(process.env.npm_execpath ?? execFileSync("which", ["npm"]).toString().trim()));
const gyp = [path.join(npmDir, "..", "node_modules", "node-gyp", "bin", "node-gyp.js"), path.join(npmDir, "node_modules", "node-gyp", "bin", "node-gyp.js")].find((c) => fs.existsSync(c));
// Build against the local Node headers (there is no network to download them); the C client is
// compiled against the OpenSSL headers of this same Node, whose exported symbols the addon uses.
const nodedir = process.env.npm_config_nodedir || (fs.existsSync("/usr/include/node/node.h") ? "/usr" : path.resolve(process.execPath, "..", ".."));
console.log("[patch-zookeeper] rebuilding the C client (TLS, SASL) and the zookeeper addon…");
execFileSync(process.execPath, [gyp ?? "node-gyp", "rebuild", `--nodedir=${nodedir}`], {
  cwd: dir,
  stdio: "inherit",
  env: { ...process.env, ZK_OPENSSL_INCLUDE: path.join(nodedir, "include", "node") },
});

const makefile = fs.readFileSync(path.join(clientDir, "Makefile"), "utf8");
for (const [flag, pkg] of [["OPENSSL_CPPFLAGS = -DHAVE_OPENSSL_H", "libssl-dev"], ["SASL_CPPFLAGS = -DHAVE_CYRUS_SASL_H", "libsasl2-dev"]]) {
  if (!makefile.split("\n").includes(flag)) fail(`the C client was configured without ${flag.split(" ")[0]} (is ${pkg} installed?); see ${path.join(clientDir, "config.log")}`);
}
const probe = spawnSync(process.execPath, ["-e", "const Z = require(process.argv[1]); if (typeof Z.ZooKeeper.prototype.a_multi !== 'function') process.exit(2)", addon], { encoding: "utf8" });
if (probe.status !== 0) fail(`the rebuilt addon does not load or lacks the console's methods:\n${probe.stderr}`);
fs.writeFileSync(stampFile, `${wanted}\n`);
