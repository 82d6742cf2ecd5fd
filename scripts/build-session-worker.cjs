// Compiles the TypeScript session worker (lib/core/zk/worker/session-worker.ts and the protocol it
// shares with the console) into one CommonJS file that Node forks as is, from `next start`, tsx,
// vitest and any working directory. Called by next.config.js (so every `next build`, `next start`
// and `next dev` has it) and by lib/core/zk/worker-pool.ts before the first fork when the sources
// are there (tsx, vitest); rebuilds only when a source is newer than the output.
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const sourceDir = path.join(root, "lib", "core", "zk", "worker");
const entry = path.join(sourceDir, "session-worker.ts");
const outfile = path.join(sourceDir, "generated", "session-worker.cjs");
const sources = () => [
  ...fs.readdirSync(sourceDir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => path.join(sourceDir, f)),
  path.join(root, "lib", "core", "zk", "session-files.ts"),
];

function ensureSessionWorker() {
  if (!fs.existsSync(entry)) return outfile; // a copied build without sources
  const built = fs.existsSync(outfile) ? fs.statSync(outfile).mtimeMs : 0;
  if (sources().every((f) => fs.statSync(f).mtimeMs < built)) return outfile;
  let esbuild;
  try {
    esbuild = require("esbuild");
  } catch {
    throw new Error(`the session worker (${path.relative(root, outfile)}) is missing or older than its sources, and esbuild (a devDependency) is not installed to build it: run npm install`);
  }
  const { outputFiles } = esbuild.buildSync({
    entryPoints: [entry], bundle: true, platform: "node", format: "cjs", target: "node20", write: false, outfile,
    external: ["zookeeper"], sourcemap: "inline", logLevel: "warning",
    banner: { js: "// Generated from lib/core/zk/worker/session-worker.ts by scripts/build-session-worker.cjs: do not edit." },
  });
  // Written aside and renamed: a process forking the worker meanwhile sees the old file or the new one.
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, outputFiles[0].contents);
  fs.renameSync(tmp, outfile);
  return outfile;
}

module.exports = { ensureSessionWorker, outfile };
if (require.main === module) console.log(`[session-worker] ${path.relative(root, ensureSessionWorker())}`);
