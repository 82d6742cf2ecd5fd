#!/usr/bin/env node
// The `zk-console` bin (package.json). The CLI is TypeScript (cli/main.ts); a fresh clone needs
// `npm ci` and no build step of its own: the first run bundles cli/ with esbuild into
// node_modules/.cache/zk-console/ (again whenever a source is newer), later runs import that
// (~0.1 s instead of ~1 s through a TypeScript loader). Where the cache cannot be written, tsx
// loads the sources directly.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const cacheDir = path.join(here, "..", "node_modules", ".cache", "zk-console");
const bundle = path.join(cacheDir, "cli.mjs");

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

async function load() {
  try {
    if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < newestSource(here)) {
      const { buildSync } = await import("esbuild");
      fs.mkdirSync(cacheDir, { recursive: true });
      // A temporary name, then rename: two first runs at once never import half a file.
      const tmp = `${bundle}.${process.pid}.tmp`;
      buildSync({ entryPoints: [path.join(here, "main.ts")], outfile: tmp, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "error" });
      fs.renameSync(tmp, bundle);
    }
    return await import(pathToFileURL(bundle).href);
  } catch (e) {
    if (!["EACCES", "EROFS", "EPERM"].includes(e?.code)) throw e;
    const { tsImport } = await import("tsx/esm/api");
    return tsImport("./main.ts", import.meta.url);
  }
}

const { run } = await load();
// exitCode, not exit(): stdout may still be draining into a pipe.
process.exitCode = await run(process.argv.slice(2));
