// Bad input at start-up: the built server (server.mjs, as `npm start` and the Docker image run it)
// given a DATABASE_URL it cannot use stops at start-up (it may have bound its port for a moment:
// Next.js runs the instrumentation hook beside listen), exit 1, with one sentence on stderr
// naming the database's host and the reason, and never the password. No browser needed.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePorts } from "../lib/ensemble/ports";
import { startPostgres, type PostgresServer } from "../scripts/postgres-server";

const SECRET = "s3cret-in-the-url";

/** Start the server on `databaseUrl`; its exit code and stderr once it stops (it must, within 60 s). */
async function startWith(databaseUrl: string): Promise<{ code: number | null; stderr: string }> {
  const [port] = await freePorts(1);
  const child = spawn(process.execPath, [path.join(process.cwd(), "server.mjs")], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOSTNAME: "127.0.0.1", DEMO_CLUSTER: "off", HEALTH_SAMPLER: "off", NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXTAUTH_SECRET: "db-url-secret-not-for-production-000000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stdout.resume();
  child.stderr.on("data", (d) => (stderr += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stderr };
}

test.describe("a DATABASE_URL the console cannot use (~15 s)", () => {
  let postgres: PostgresServer;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    postgres = await startPostgres({ password: SECRET });
  });
  test.afterAll(() => postgres?.destroy());

  test("closed port, wrong password, unknown host, unknown scheme: exit 1, the host and the reason on stderr", async () => {
    test.setTimeout(240_000);
    const [closed] = await freePorts(1);
    const cases = [
      { url: `postgresql://console:${SECRET}@127.0.0.1:${closed}/console`, says: `"console" on 127.0.0.1:${closed} as user "console": nothing accepts connections on 127.0.0.1:${closed} (connection refused` },
      { url: postgres.url("postgres", "postgres", "wrong-password"), says: `"postgres" on 127.0.0.1:${postgres.port} as user "postgres": PostgreSQL refused the password of that user` },
      { url: postgres.url("no_such_database"), says: `"no_such_database" on 127.0.0.1:${postgres.port} as user "postgres": that database does not exist` },
      { url: `postgresql://console:${SECRET}@no-such-host.invalid:5432/console`, says: `on no-such-host.invalid:5432 as user "console": the host name "no-such-host.invalid" does not resolve` },
      { url: `mysql://console:${SECRET}@127.0.0.1:3306/console`, says: 'DATABASE_URL has the scheme "mysql:", which the console does not support' },
    ];
    for (const c of cases) {
      const r = await startWith(c.url);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain("[start-up] ");
      expect(r.stderr).toContain(c.says);
      expect(r.stderr).not.toContain(SECRET);
      expect(r.stderr).not.toContain("wrong-password");
      // One sentence, not a stack.
      expect(r.stderr).not.toMatch(/^\s+at /m);
      console.log(`[database-url] ${c.url.replace(SECRET, "***")} → exit ${r.code}: ${r.stderr.trim()}`);
    }
  });
});
