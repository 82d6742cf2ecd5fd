// The zk-console CLI (cli/zk-console.mjs, the package's bin) against the built console and the
// real ZooKeeper of the e2e setup, with API tokens only: create, ls, get, set at the right and at
// a stale version (exit 4), a read-only token refused (exit 5), not found (3), bad input (2), a
// forged token (6), export and import --dry-run, diff (1 when different), rm, and the audit trail
// naming the token. API only: no browser.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { HttpSession } from "../test/faults/http-session";

const BIN = path.join(__dirname, "..", "cli", "zk-console.mjs");
type Ran = { code: number; stdout: string; stderr: string };
type Env = Record<string, string | undefined>;

test.describe.serial("zk-console CLI", () => {
  let env: Env;
  let readOnlyToken = "";
  let tokenName = "";
  let clusterName = "";
  const root = `/cli-${Date.now()}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zkc-cli-"));

  /** One run of the bin, as a pipeline runs it: its exit code, stdout and stderr. */
  const cli = (args: string[], extraEnv: Env = {}) =>
    new Promise<Ran>((resolve) => {
      const t0 = Date.now();
      execFile(process.execPath, [BIN, ...args], { env: { ...env, ...extraEnv } as NodeJS.ProcessEnv, timeout: 30_000 }, (err, stdout, stderr) => {
        if (process.env.CLI_TIMING) console.log(`${Date.now() - t0} ms  zk-console ${args.join(" ")}`);
        resolve({ code: err ? (typeof err.code === "number" ? err.code : -1) : 0, stdout, stderr });
      });
    });
  const ok = async (args: string[], extraEnv: Env = {}) => {
    const r = await cli(args, extraEnv);
    expect(r.code, `zk-console ${args.join(" ")}: ${r.stderr}`).toBe(0);
    return r;
  };

  test.beforeAll(async ({ baseURL }) => {
    const http = new HttpSession(baseURL!);
    await http.login("admin", "e2e-admin-password");
    clusterName = `cli-${Date.now()}`;
    const cluster = await http.request("POST", "/api/v1/clusters", { name: clusterName, connectionString: process.env.E2E_ZK, environment: "test" });
    expect(cluster.status, JSON.stringify(cluster.body)).toBe(201);
    tokenName = `pipeline-${Date.now()}`;
    const admin = await http.request("POST", "/api/v1/tokens", { name: tokenName, role: "admin", expiresInDays: 1 });
    expect(admin.status, JSON.stringify(admin.body)).toBe(201);
    const reader = await http.request("POST", "/api/v1/tokens", { name: `${tokenName}-ro`, role: "editor", readOnly: true, expiresInDays: 1 });
    expect(reader.status, JSON.stringify(reader.body)).toBe(201);
    readOnlyToken = reader.body.token;
    // Only the environment: no --url/--token flags (what the README recommends for pipelines).
    env = { PATH: process.env.PATH, HOME: process.env.HOME, ZK_CONSOLE_URL: baseURL, ZK_CONSOLE_TOKEN: admin.body.token as string, ZK_CONSOLE_CLUSTER: clusterName };
  });
  test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("round trip: create, ls, get, set, stale set, read-only, export/import, diff, rm, audit", async () => {
    const app = `${root}/app`;
    expect((await ok(["create", app, "v1", "--parents", "--reason", "from the CLI test"])).stdout).toContain(`created ${app}`);
    await ok(["create", `${root}/db`, '{"pool": 4}']);
    expect((await ok(["ls", root])).stdout.split("\n").filter(Boolean)).toEqual(["app", "db"]);

    const got = JSON.parse((await ok(["--json", "get", app])).stdout);
    expect(got).toMatchObject({ path: app, data: { text: "v1" }, stat: { version: 0 } });
    const human = (await ok(["get", app])).stdout;
    expect(human).toMatch(/version\s+0/);
    expect(human.trimEnd().endsWith("v1")).toBe(true);

    expect((await ok(["set", app, "v2", "--version", "0"])).stdout).toContain("now at version 1");
    const stale = await cli(["set", app, "v3", "--version", "0"]);
    expect(stale.code, stale.stderr).toBe(4);
    expect(stale.stderr).toContain("BAD_VERSION");
    expect(JSON.parse((await ok(["--json", "get", app])).stdout).data.text).toBe("v2");

    const refused = await cli(["set", app, "v3", "--version", "1"], { ZK_CONSOLE_TOKEN: readOnlyToken });
    expect(refused.code, refused.stderr).toBe(5);
    expect(refused.stderr).toContain("TOKEN_READ_ONLY");
    expect((await ok(["get", app, "--data"], { ZK_CONSOLE_TOKEN: readOnlyToken })).stdout).toBe("v2");

    expect((await cli(["get", `${root}/missing`])).code).toBe(3);
    expect((await cli(["set", app, "v3"])).code).toBe(2); // no --version
    expect((await cli(["ls", root], { ZK_CONSOLE_TOKEN: "zkc_forged0000000000000000000000000000000000000" })).code).toBe(6);

    const file = path.join(dir, "export.json");
    await ok(["export", root, "-o", file]);
    const copy = `${root}-copy`;
    const dry = JSON.parse((await ok(["--json", "import", copy, file, "--dry-run"])).stdout);
    expect(dry).toMatchObject({ dryRun: true, counts: { creates: 3, updates: 0, conflicts: 0 } });
    expect((await cli(["get", copy])).code).toBe(3); // a dry run writes nothing
    expect((await ok(["import", copy, file])).stdout).toMatch(/created\s+3/);
    expect((await ok(["diff", root, `${clusterName}:${copy}`])).stderr).toContain("0 changed");
    await ok(["set", `${copy}/app`, "changed on the copy", "--version", "0"]);
    const diff = await cli(["diff", root, copy]);
    expect(diff.code, diff.stderr).toBe(1);
    expect(diff.stdout).toMatch(/changed\s+\/app/);

    await ok(["rm", app, "--version", "1"]);
    expect((await cli(["get", app])).code).toBe(3);
    await ok(["rm", copy, "--recursive"]);

    const audit = JSON.parse((await ok(["--json", "audit", "--path-prefix", root, "--limit", "50"])).stdout) as { entries: { operation: string; path: string; actor: { name: string }; outcome: string }[] };
    const mine = audit.entries.filter((e) => e.path === app);
    expect(mine.map((e) => e.operation)).toEqual(expect.arrayContaining(["create", "set", "delete"]));
    for (const e of mine) expect(e.actor.name).toBe(`token "${tokenName}" of admin`);
    expect((await ok(["audit", "--path-prefix", app])).stdout).toContain(`token "${tokenName}" of admin`);
  });
});
