// The postinstall step that patches and rebuilds the zookeeper binding (scripts/patch-zookeeper.mjs),
// against the installed tree: idempotent, loud about a patch that does not apply, and the addon
// it builds uses the OpenSSL that the node binary itself exports.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const binding = path.join(root, "node_modules", "zookeeper");
// The loader reports real paths (node_modules may be a link).
const addon = fs.realpathSync(path.join(binding, "build", "Release", "zookeeper.node"));
const record = path.join(binding, ".zk-console-patches");
const postinstall = (env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(root, "scripts", "patch-zookeeper.mjs")], { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });

describe("patching the zookeeper binding", () => {
  it("applies nothing and rebuilds nothing on an already patched tree", () => {
    const built = fs.statSync(addon).mtimeMs;
    const run = postinstall();
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/applied|rebuilding/);
    expect(fs.statSync(addon).mtimeMs).toBe(built);
    const patches = fs.readdirSync(path.join(root, "patches", "zookeeper")).filter((f) => f.endsWith(".patch")).sort();
    expect(fs.readFileSync(record, "utf8").trim().split("\n").map((l) => l.split(" ")[0])).toEqual(patches);
  });

  it("fails the install naming a patch that does not apply, and changes nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zk-patches-"));
    for (const f of fs.readdirSync(path.join(root, "patches", "zookeeper"))) fs.copyFileSync(path.join(root, "patches", "zookeeper", f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, "99-upstream-moved.patch"), [
      "--- a/src/node-zk.cpp", "+++ b/src/node-zk.cpp", "@@ -1,3 +1,3 @@", " a line the binding", "-does not have", "+at all", " anywhere", "",
    ].join("\n"));
    const before = { source: fs.readFileSync(path.join(binding, "src", "node-zk.cpp"), "utf8"), record: fs.readFileSync(record, "utf8") };
    const run = postinstall({ ZK_PATCH_DIR: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/99-upstream-moved\.patch does not apply to node_modules\/zookeeper 7\.3\.0/);
    expect(fs.readFileSync(path.join(binding, "src", "node-zk.cpp"), "utf8")).toBe(before.source);
    expect(fs.readFileSync(record, "utf8")).toBe(before.record);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("builds an addon whose OpenSSL calls resolve to the node binary's own OpenSSL, with no libssl of its own", () => {
    const ldd = spawnSync("ldd", [addon], { encoding: "utf8" }).stdout;
    expect(ldd).not.toMatch(/libssl|libcrypto/);
    expect(ldd).toMatch(/libsasl2\.so\.2/);
    const load = spawnSync(process.execPath, ["-e", `require(${JSON.stringify(addon)})`], { encoding: "utf8", env: { ...process.env, LD_BIND_NOW: "1", LD_DEBUG: "bindings" } });
    const bound = (symbol: string) => new RegExp(`binding file ${addon.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} \\[0\\] to (\\S+) \\[0\\]: normal symbol \`${symbol}'`).exec(load.stderr)?.[1];
    // The main program shows as "node" or its path, depending on how it was started.
    for (const symbol of ["SSL_CTX_new", "SSL_connect", "X509_VERIFY_PARAM_set1_host", "OPENSSL_init_ssl"]) expect(bound(symbol)).toMatch(/^(node|.*\/node)$/);
    expect(bound("sasl_client_init")).toMatch(/libsasl2\.so\.2$/);
  });
});
