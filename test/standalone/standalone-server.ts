// npm run test:standalone: the Next.js standalone output (what the Dockerfile's runtime image holds)
// copied away from the checkout and started there with `node server.mjs`, as the image does; then
// GET /api/health and the sign-in page must answer, a static chunk the page names must be served,
// and a signed-in admin must read a real ZooKeeper through the copied session worker and binding.
// Builds into its own dist dir (STANDALONE_DIST_DIR, default .next-standalone) unless that dir
// already holds a standalone build newer than the sources (then reused; --reuse: any): a build costs minutes, so
// this is not part of `npm test`. Exit 0 when everything answered, 1 with the reason otherwise.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEnsemble } from "../../lib/ensemble/launcher";
import { freePorts } from "../../lib/ensemble/ports";
import { HttpSession } from "../faults/http-session";

const root = process.cwd();
const distName = process.env.STANDALONE_DIST_DIR ?? ".next-standalone";
const dist = path.join(root, distName);
const ADMIN = { username: "admin", password: "standalone-admin-password" };

/** The newest modification time under these paths (as scripts/prepare.mjs judges a build stale). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = fs.statSync(p);
    if (!st.isDirectory()) newest = Math.max(newest, st.mtimeMs);
    else if (!/node_modules|\.next|generated|\.test\.tsx?$/.test(p)) for (const f of fs.readdirSync(p)) walk(path.join(p, f));
  };
  for (const p of paths) if (fs.existsSync(path.join(root, p))) walk(path.join(root, p));
  return newest;
}

function buildIfStale() {
  const built = path.join(dist, "standalone", "server.mjs");
  const sources = newestMtime(["app", "lib", "components", "middleware.ts", "instrumentation.ts", "next.config.js", "package.json", "prisma", "server.mjs"]);
  // --reuse: take the build as it is, even if sources changed since (a hand check of a given build).
  const reuse = process.argv.includes("--reuse");
  if (fs.existsSync(built) && (reuse || fs.statSync(path.join(dist, "BUILD_ID")).mtimeMs > sources)) return console.log(`[standalone] reusing the build in ${distName}`);
  console.log(`[standalone] building into ${distName} (NEXT_OUTPUT=standalone next build)…`);
  execFileSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_OUTPUT: "standalone", NEXT_DIST_DIR: distName, DATABASE_URL: "file:/tmp/zk-console-standalone-build.db" } });
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, ms: number, alive: () => boolean): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end && alive()) {
    const got = await probe().catch(() => null);
    if (got !== null) return got;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} within ${ms / 1000} s${alive() ? "" : " (the server exited)"}`);
}

function check(ok: boolean, what: string) {
  if (!ok) throw new Error(what);
  console.log(`[standalone] ok: ${what}`);
}

async function main() {
  buildIfStale();
  // The image's layout: .next/standalone as the app folder, .next/static copied into it.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zkc-standalone-"));
  const app = path.join(tmp, "app");
  fs.cpSync(path.join(dist, "standalone"), app, { recursive: true, verbatimSymlinks: true });
  fs.cpSync(path.join(dist, "static"), path.join(app, distName, "static"), { recursive: true });
  const databaseUrl = `file:${path.join(tmp, "data", "console.db")}`;
  fs.mkdirSync(path.join(tmp, "data"));
  execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: root, stdio: "pipe", env: { ...process.env, DATABASE_URL: databaseUrl } });

  const zk = await startEnsemble({ size: 1 });
  const [port] = await freePorts(1);
  const baseUrl = `http://127.0.0.1:${port}`;
  const worker = path.join(app, "lib", "core", "zk", "worker", "generated", "session-worker.cjs");
  check(fs.existsSync(worker) && fs.existsSync(path.join(app, "node_modules", "zookeeper", "build", "Release", "zookeeper.node")), "the output holds the session worker and the zookeeper binding");
  const log = path.join(tmp, "server.log");
  const out = fs.openSync(log, "a");
  const server = spawn(process.execPath, ["server.mjs"], {
    cwd: app,
    stdio: ["ignore", out, out],
    detached: true,
    env: {
      NODE_ENV: "production", PATH: process.env.PATH, HOME: tmp, NEXT_DIST_DIR: distName, PORT: String(port), HOSTNAME: "127.0.0.1", DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseUrl, NEXTAUTH_SECRET: "standalone-secret-not-for-production-0000", ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password,
      DEMO_CLUSTER: "off", AUDIT_KEY_FILE: path.join(tmp, "data", "audit-hmac.key"), AUDIT_SIGNING_KEY_FILE: path.join(tmp, "data", "audit-signing-key.pem"),
      AUDIT_CHECKPOINT_FILE: path.join(tmp, "data", "audit-checkpoints.jsonl"),
      // The copied worker, not the checkout's (the build remembers the checkout's folder).
      ZK_SESSION_WORKER: worker,
    },
  });
  fs.closeSync(out);
  let exited = false;
  server.on("exit", () => (exited = true));
  const alive = () => !exited;
  try {
    const t0 = Date.now();
    const health = await waitFor("GET /api/health did not answer 200", async () => {
      const r = await fetch(`${baseUrl}/api/health?require=database`);
      return r.status === 200 ? ((await r.json()) as { status: string; database: { kind: string; up: boolean } }) : null;
    }, 90_000, alive);
    console.log(`[standalone] answering after ${Date.now() - t0} ms: ${JSON.stringify(health)}`);
    check(health.status === "ok" && health.database.up && health.database.kind === "sqlite", "GET /api/health?require=database: 200, database up");
    const login = await fetch(`${baseUrl}/login`);
    const html = await login.text();
    check(login.status === 200 && /<form/i.test(html), "GET /login: 200, the sign-in form");
    const chunk = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    check(!!chunk && (await fetch(`${baseUrl}${chunk}`)).status === 200, `a static chunk of the page (${chunk}) is served`);
    const http = new HttpSession(baseUrl);
    await http.login(ADMIN.username, ADMIN.password);
    const created = await http.request("POST", "/api/v1/clusters", { name: `standalone-${Date.now()}`, connectionString: zk.connectionString, environment: "test" });
    check(created.status === 201, `a cluster registered (HTTP ${created.status})`);
    const children = await http.get(`/api/v1/clusters/${created.body.cluster.id}/children?path=${encodeURIComponent("/")}`);
    check(children.status === 200 && JSON.stringify(children.body).includes("zookeeper"), `the children of / read from ZooKeeper (HTTP ${children.status})`);
    console.log("[standalone] the standalone server works");
  } catch (e) {
    console.error(`[standalone] FAILED: ${(e as Error).message}\n--- server log (last 30 lines) ---\n${fs.readFileSync(log, "utf8").split("\n").slice(-30).join("\n")}`);
    process.exitCode = 1;
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await zk.stopAll();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(() => process.exit(), (e) => {
  console.error(e);
  process.exit(1);
});
