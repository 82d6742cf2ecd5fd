// Playwright's web server: the built console (server.mjs, as `npm start` runs it) on a throwaway SQLite database.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { run, root } from "../scripts/prepare.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zkc-e2e-db-"));
const url = `file:${path.join(dir, "e2e.db")}`;
run("npx prisma migrate deploy", { DATABASE_URL: url });
const port = process.env.E2E_PORT ?? "3100";
const server = spawn(process.execPath, [path.join(root, "server.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PORT: port, HOSTNAME: "127.0.0.1", DATABASE_URL: url, DEMO_CLUSTER: "off", NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXTAUTH_SECRET: "e2e-secret-not-for-production-000000000", ADMIN_USERNAME: "admin", ADMIN_PASSWORD: "e2e-admin-password", CONSOLE_SECRET_KEY: process.env.CONSOLE_SECRET_KEY ?? "e2e-console-secret-key-not-for-production" },
});
const stop = () => { server.kill("SIGTERM"); fs.rmSync(dir, { recursive: true, force: true }); };
process.on("SIGTERM", () => { stop(); process.exit(0); });
process.on("SIGINT", () => { stop(); process.exit(0); });
server.on("exit", (code) => process.exit(code ?? 0));
