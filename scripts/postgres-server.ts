// A throwaway PostgreSQL server (Debian's postgresql package) in a temporary directory, on a free
// loopback port: for `npm run db:migration` (Prisma's schema engine diffs through a live database),
// the tests and the benchmarks. PostgreSQL refuses to run as root, so as root it runs as the
// `postgres` user (runuser); otherwise as the current user.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** The newest installed major version's programs (Debian: /usr/lib/postgresql/<major>/bin), or POSTGRES_BIN. */
export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? (() => {
  const root = "/usr/lib/postgresql";
  const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
  return path.join(root, majors[0] ?? "15", "bin");
})();
const SUPERUSER = "postgres";

export const postgresInstalled = () => fs.existsSync(path.join(POSTGRES_BIN, "postgres"));

const asRoot = process.getuid?.() === 0;
/** Run a PostgreSQL program as the user that owns the data directory. */
function pgRun(program: string, args: string[]): string {
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(POSTGRES_BIN, program), ...args]] as const : [path.join(POSTGRES_BIN, program), args] as const;
  return execFileSync(cmd, argv, { stdio: "pipe" }).toString();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once("error", reject).listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type PostgresServer = {
  location: PostgresLocation;
  host: string;
  port: number;
  log: string;
  url(database?: string, user?: string, password?: string): string;
  query<R = Record<string, unknown>>(sql: string, database?: string): Promise<R[]>;
  /** A new database (empty, or a copy of `template`); its URL. */
  createDatabase(name: string, template?: string): Promise<string>;
  start(): void;
  /** Stop the server (fast: open connections are ended), keeping its data. */
  stop(): void;
  running(): boolean;
  destroy(): void;
};

/** Where a server lives: enough to reach and control it from another process (a test file). */
export type PostgresLocation = { dir: string; port: number; password: string; durable: boolean };

/**
 * initdb + start. `durable: false` (the default) turns fsync off: fine for tests, not for benchmarks.
 * `stop()` keeps the data (start() again on the same port), `destroy()` removes it.
 */
export async function startPostgres({ port, password = "postgres-test-password", durable = false }: { port?: number; password?: string; durable?: boolean } = {}): Promise<PostgresServer> {
  if (!postgresInstalled()) throw new Error(`PostgreSQL is not installed (${POSTGRES_BIN}/postgres missing): apt-get install -y postgresql`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zkc-postgres-"));
  fs.chmodSync(dir, 0o755);
  const pwfile = path.join(dir, "pw");
  fs.writeFileSync(pwfile, password);
  if (asRoot) spawnSync("chown", ["-R", "postgres:postgres", dir]);
  pgRun("initdb", ["-D", path.join(dir, "data"), "-U", SUPERUSER, "--pwfile", pwfile, "--auth-host=scram-sha-256", "--auth-local=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  fs.rmSync(pwfile);
  const server = attachPostgres({ dir, port: port ?? (await freePort()), password, durable });
  server.start();
  return server;
}

/** The handle of a server made by startPostgres (in this process or another). */
export function attachPostgres(location: PostgresLocation): PostgresServer {
  const { dir, port, password, durable } = location;
  const data = path.join(dir, "data");
  const settings = ["-c listen_addresses=127.0.0.1", `-p ${port}`, `-k ${dir}`, "-c shared_buffers=32MB", "-c max_connections=200"];
  if (!durable) settings.push("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off");
  const log = path.join(dir, "server.log");
  const server: PostgresServer = {
    location,
    host: "127.0.0.1",
    port,
    log,
    /** The URL of one database on this server. */
    url: (database = "postgres", user = SUPERUSER, pw = password) => `postgresql://${user}:${encodeURIComponent(pw)}@127.0.0.1:${port}/${database}`,
    async query<R>(sql: string, database = "postgres") {
      const client = new pg.Client({ connectionString: server.url(database) });
      await client.connect();
      try {
        return (await client.query(sql)).rows as R[];
      } finally {
        await client.end();
      }
    },
    async createDatabase(name: string, template?: string) {
      await server.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
      return server.url(name);
    },
    start() {
      pgRun("pg_ctl", ["-D", data, "-l", log, "-o", settings.join(" "), "-w", "-t", "60", "start"]);
    },
    stop() {
      pgRun("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]);
    },
    running() {
      try {
        pgRun("pg_ctl", ["-D", data, "status"]);
        return true;
      } catch {
        return false;
      }
    },
    destroy() {
      if (server.running()) server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
