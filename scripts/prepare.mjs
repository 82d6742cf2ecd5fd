// Shared by `npm start` and `npm test`: install dependencies when missing,
// generate the Prisma clients (SQLite and PostgreSQL), apply the migrations of DATABASE_URL's database. Plain JS: runs before node_modules exists.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export function run(cmd, env = {}) {
  execSync(cmd, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
}

export function prepare({ databaseUrl } = {}) {
  if (!fs.existsSync(path.join(root, "node_modules", ".package-lock.json"))) {
    console.log("[prepare] installing dependencies (npm ci)…");
    run(fs.existsSync(path.join(root, "package-lock.json")) ? "npm ci --no-audit --no-fund" : "npm install --no-audit --no-fund");
  }
  const url = databaseUrl ?? process.env.DATABASE_URL ?? `file:${path.join(root, "data", "console.db")}`;
  if (url.startsWith("file:")) fs.mkdirSync(path.dirname(url.slice(5)), { recursive: true });
  run("npm run --silent db:generate", { DATABASE_URL: url });
  try {
    run("npx prisma migrate deploy", { DATABASE_URL: url });
  } catch {
    // Prisma has said why (unreachable, refused password, unsupported scheme…): no stack under it.
    console.error("[prepare] the migrations could not be applied to DATABASE_URL's database (the reason is above): fix DATABASE_URL or start that database.");
    process.exit(1);
  }
  return url;
}

/** The newest modification time under the given folders (to know when a build is stale). */
export function newestMtime(dirs) {
  let newest = 0;
  const walk = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      if (/node_modules|\.next|generated|\.test\.tsx?$/.test(p)) return;
      for (const f of fs.readdirSync(p)) walk(path.join(p, f));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const d of dirs) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  return newest;
}

export function buildIfStale(env = {}) {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const sources = newestMtime(["app", "lib", "components", "middleware.ts", "instrumentation.ts", "next.config.js", "package.json", "prisma"]);
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs > sources) return;
  console.log("[prepare] building the console (next build)…");
  run("npx next build", env);
}
