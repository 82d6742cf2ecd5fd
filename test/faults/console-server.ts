// The built console (server.mjs, as `npm start` runs it, on NEXT_DIST_DIR) on a throwaway SQLite
// database, for the end-to-end fault tests, the load test and the benchmarks: its real server
// process, its real database file.
import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { faultsTempDir } from "./db-faults";

export type ConsoleServer = {
  baseUrl: string;
  dbDir: string;
  dbFile: string;
  logFile: string;
  /** The server process (the one that serves, holds the database and the session workers). */
  serverPid(): number;
  alive(): boolean;
  stop(): Promise<void>;
};

export const ADMIN = { username: "admin", password: "faults-admin-password" };

/** Processes under `pid` (itself included), depth first. */
export function processTree(pid: number): number[] {
  const out: number[] = [];
  const visit = (p: number) => {
    out.push(p);
    try {
      for (const c of fs.readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) visit(Number(c));
    } catch {
      // exited meanwhile
    }
  };
  visit(pid);
  return out;
}

const commOf = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
};

/** The `next-server` process under a `next start` process (or `pid` itself). */
export const nextServerOf = (pid: number) => processTree(pid).find((p) => commOf(p).startsWith("next-server")) ?? pid;

/** Resident memory of one process in MiB (0 when it is gone). */
export function rssMiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * `nodeArgs`: options for the server's node, e.g. `--cpu-prof`. `databaseUrl`: a database the
 * caller has migrated (PostgreSQL shared by several servers) instead of a throwaway SQLite file.
 */
export async function startConsoleServer(opts: { port: number; env?: Record<string, string>; nodeArgs?: string[]; databaseUrl?: string }): Promise<ConsoleServer> {
  const root = process.cwd();
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) throw new Error(`no build in ${distDir}: run NEXT_DIST_DIR=${distDir} npx next build first`);
  const dbDir = faultsTempDir("zkc-faults-server-");
  const dbFile = path.join(dbDir, "console.db");
  const logFile = path.join(dbDir, "server.log");
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const env = {
    ...process.env,
    DATABASE_URL: opts.databaseUrl ?? `file:${dbFile}`,
    // Its own checkpoints: the server writes one at start-up, of its own database.
    AUDIT_CHECKPOINT_FILE: path.join(dbDir, "audit-checkpoints.jsonl"),
    DEMO_CLUSTER: "off",
    PORT: String(opts.port),
    HOSTNAME: "127.0.0.1",
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: "faults-secret-not-for-production-0000000",
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    ...opts.env,
  };
  if (!opts.databaseUrl) execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: root, env, stdio: "pipe" });
  const log = fs.openSync(logFile, "a");
  // Its own process group: its session workers must be stopped with it.
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), path.join(root, "server.mjs")], { cwd: root, env, stdio: ["ignore", log, log], detached: true });
  fs.closeSync(log);
  let exited = false;
  child.on("exit", () => (exited = true));
  const serverPid = () => child.pid!;
  const server: ConsoleServer = {
    baseUrl, dbDir, dbFile, logFile, serverPid,
    alive: () => !exited && rssMiB(serverPid()) > 0,
    stop: async () => {
      if (!exited) {
        const done = new Promise((r) => child.once("exit", r));
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {
          // already gone
        }
        await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
      }
      fs.rmSync(dbDir, { recursive: true, force: true });
    },
  };
  for (let i = 0; i < 240 && !exited; i++) {
    if (await fetch(`${baseUrl}/login`).then((r) => r.ok, () => false)) return server;
    await new Promise((r) => setTimeout(r, 250));
  }
  const tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
  await server.stop();
  throw new Error(`the console did not start on ${baseUrl} within 60 s:\n${tail}`);
}
