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
    // Independent steps run side by side (each is a process of its own).
    expect((await ok(["create", app, "v1", "--parents", "--reason", "from the CLI test"])).stdout).toContain(`created ${app}`);
    const [listed, asJson, human] = await ok(["create", `${root}/db`, '{"pool": 4}']).then(() => Promise.all([ok(["ls", root]), ok(["--json", "get", app]), ok(["get", app])]));
    expect(listed.stdout.split("\n").filter(Boolean)).toEqual(["app", "db"]);
    expect(JSON.parse(asJson.stdout)).toMatchObject({ path: app, data: { text: "v1" }, stat: { version: 0 } });
    expect(human.stdout).toMatch(/version\s+0/);
    expect(human.stdout.trimEnd().endsWith("v1")).toBe(true);

    expect((await ok(["set", app, "v2", "--version", "0"])).stdout).toContain("now at version 1");
    const file = path.join(dir, "export.json");
    const [stale, refused, readOnlyGet, missing, noVersion, forged] = await Promise.all([
      cli(["set", app, "v3", "--version", "0"]),
      cli(["set", app, "v3", "--version", "1"], { ZK_CONSOLE_TOKEN: readOnlyToken }),
      ok(["get", app, "--data"], { ZK_CONSOLE_TOKEN: readOnlyToken }),
      cli(["get", `${root}/missing`]),
      cli(["set", app, "v3"]),
      cli(["ls", root], { ZK_CONSOLE_TOKEN: "zkc_forged0000000000000000000000000000000000000" }),
      ok(["export", root, "-o", file]),
    ]);
    expect([stale.code, stale.stderr]).toEqual([4, expect.stringContaining("BAD_VERSION")]);
    expect([refused.code, refused.stderr]).toEqual([5, expect.stringContaining("TOKEN_READ_ONLY")]);
    expect(readOnlyGet.stdout).toBe("v2"); // the stale and the refused set changed nothing
    expect([missing.code, noVersion.code, forged.code]).toEqual([3, 2, 6]);

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
    await Promise.all([ok(["rm", app, "--version", "1"]), ok(["rm", copy, "--recursive"])]);
    expect((await cli(["get", app])).code).toBe(3);

    const audit = JSON.parse((await ok(["--json", "audit", "--path-prefix", root, "--limit", "50"])).stdout) as { entries: { operation: string; path: string; actor: { name: string }; outcome: string }[] };
    const mine = audit.entries.filter((e) => e.path === app);
    expect(mine.map((e) => e.operation)).toEqual(expect.arrayContaining(["create", "set", "delete"]));
    for (const e of mine) expect(e.actor.name).toBe(`token "${tokenName}" of admin`);
    expect((await ok(["audit", "--path-prefix", app])).stdout).toContain(`token "${tokenName}" of admin`);
  });
});
