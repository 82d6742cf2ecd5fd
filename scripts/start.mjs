// npm start: one command from a fresh clone to a running console.
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIfStale, prepare, root } from "./prepare.mjs";

const port = process.env.PORT || "3000";
const databaseUrl = prepare();

// A stable secret for signing sessions: NEXTAUTH_SECRET, else one generated once and kept in data/.
let secret = process.env.NEXTAUTH_SECRET;
if (!secret) {
  const file = path.join(root, "data", ".nextauth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  secret = fs.readFileSync(file, "utf8").trim();
}
// No HOSTNAME (a container sets it to its own name): server.mjs then listens on every interface.
const env = { ...process.env, HOSTNAME: undefined, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`, PORT: port };
buildIfStale(env);
console.log(`[start] serving the console on http://localhost:${port}`);
// server.mjs: Next.js, with the hottest reads served by their route handlers directly (see there).
const server = spawn(process.execPath, [path.join(root, "server.mjs")], { cwd: root, env, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
