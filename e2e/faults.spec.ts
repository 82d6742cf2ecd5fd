// End-to-end fault proofs against the real built server over HTTP (its own server.mjs on a
// throwaway database, its own ZooKeeper ensembles): a whole ensemble stopped and started again,
// and the console's database failing on the file system. The server must answer promptly all
// along, keep serving the healthy cluster, recover by itself, and still be alive at the end.
import { expect, test } from "@playwright/test";
import { startEnsemble, waitServing, type LocalEnsemble } from "../lib/ensemble/launcher";
import { freePorts } from "../lib/ensemble/ports";
import { ADMIN, startConsoleServer, type ConsoleServer } from "../test/faults/console-server";
import { holdDatabaseLock, setReadOnly } from "../test/faults/db-faults";
import { HttpSession } from "../test/faults/http-session";
import { rawClient, sleep } from "../test/faults/support";
import { closeSession } from "../lib/core/zk/sessions";
import fs from "node:fs";

const SESSION_TIMEOUT = 4000;

test.describe.serial("faults end to end (long: ~30 s)", () => {
  let down: LocalEnsemble;
  let healthy: LocalEnsemble;
  let server: ConsoleServer;
  let http: HttpSession;
  let downId = "";
  let healthyId = "";
  const readOnlyNow = new Set<string>();
  const znode = (clusterId: string, path = "/svc") => `/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent(path)}`;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    [down, healthy] = await Promise.all([startEnsemble({ size: 3, tickTime: 1000 }), startEnsemble({ size: 1 })]);
    await waitServing(down.members, 3);
    for (const [zk, id] of [[down, "e2e-faults-down"], [healthy, "e2e-faults-healthy"]] as const) {
      await (await rawClient(zk, id).client()).create("/svc", Buffer.from("v0"), 0);
      closeSession(id);
    }
    const [port] = await freePorts(1);
    server = await startConsoleServer({ port, env: { HEALTH_SAMPLE_INTERVAL_MS: "2000" } });
    http = new HttpSession(server.baseUrl);
    await http.login(ADMIN.username, ADMIN.password);
    for (const [name, zk] of [["down", down], ["healthy", healthy]] as const) {
      const r = await http.request("POST", "/api/v1/clusters", { name: `${name}-${Date.now()}`, connectionString: zk.connectionString, sessionTimeoutMs: SESSION_TIMEOUT, environment: "test" });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      if (name === "down") downId = r.body.cluster.id;
      else healthyId = r.body.cluster.id;
    }
    expect((await http.get(znode(downId))).status).toBe(200);
  });

  test.afterAll(async () => {
    for (const p of readOnlyNow) setReadOnly(p, false);
    if (server) {
      if (test.info().errors.length) console.log(fs.readFileSync(server.logFile, "utf8").split("\n").slice(-40).join("\n"));
      await server.stop();
    }
    await Promise.all([down?.stopAll(), healthy?.stopAll()]);
  });

  test("whole ensemble stopped: 503 within the session timeout, pages answer, the other cluster is served; started again: recovery without a restart", async ({ page }) => {
    test.setTimeout(180_000);
    const live = await http.events(downId, ["/svc"]);
    await live.reader.waitFor((e) => e.type === "state" && e.state === "live");
    const mark = live.reader.events.length;
    await down.stopAll();

    // Every reader gets its answer within about the session timeout: 503 cluster unavailable.
    const first = await Promise.all(Array.from({ length: 20 }, () => http.get(znode(downId))));
    for (const r of first) {
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(r.body.error).toMatchObject({ code: "CLUSTER_UNAVAILABLE", message: expect.stringMatching(/unreachable|unavailable/) });
      expect(r.ms).toBeLessThan(SESSION_TIMEOUT + 3000); // hang guard
    }
    // And from then on without waiting: listing, writing, health, the cluster list.
    for (const [method, path, body] of [
      ["GET", `/api/v1/clusters/${downId}/children?path=%2F`, undefined],
      ["PUT", znode(downId), { data: "v1", version: 0 }],
    ] as const) {
      const r = await http.request(method, path, body);
      expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBe(503);
      expect(r.ms).toBeLessThan(3000);
    }
    const health = await http.get(`/api/v1/clusters/${downId}/health`);
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(SESSION_TIMEOUT + 6000);
    expect((await http.get("/api/v1/clusters")).status).toBe(200);

    // The healthy cluster is served as before, reads and writes.
    for (let i = 0; i < 10; i++) expect((await http.get(znode(healthyId))).body.data.text).toBe("v0");
    expect((await http.request("PUT", znode(healthyId), { data: "v1", version: 0 })).status).toBe(200);

    // The page of the stopped cluster renders and says so.
    await page.context().addCookies(http.cookies());
    const res = await page.goto(`${server.baseUrl}/clusters/${downId}/znodes/svc`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "Cluster unavailable" }).first()).toBeVisible({ timeout: 45_000 });

    // Live viewers heard about it.
    await live.reader.waitFor((e) => e.type === "state" && e.state === "reconnecting", { from: mark });

    // Started again: the same server recovers by itself.
    for (const m of down.members) await down.start(m.id);
    await waitServing(down.members, 2);
    let back = await http.get(znode(downId));
    for (let i = 0; i < 120 && back.status !== 200; i++) {
      await sleep(250);
      back = await http.get(znode(downId));
    }
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect((await http.request("PUT", znode(downId), { data: "v1", version: back.body.stat.version })).status).toBe(200);
    await live.reader.waitFor((e) => e.type === "dataChanged" && e.path === "/svc", { from: mark, timeoutMs: 30_000 });
    await live.close();
    await page.reload();
    await expect(page.getByTestId("znode-data")).toContainText("v1", { timeout: 30_000 });
    expect(server.alive()).toBe(true);
  });

  test("database unavailable: ZooKeeper reads go on, writes are refused (503, fail closed), the server survives and recovers", async () => {
    test.setTimeout(180_000);
    const raw = rawClient(healthy, "e2e-faults-raw");
    let version = (await http.get(znode(healthyId))).body.stat.version as number;
    const readOnly = (p: string, on: boolean) => {
      setReadOnly(p, on);
      if (on) readOnlyNow.add(p);
      else readOnlyNow.delete(p);
    };
    const refused = async (code: string) => {
      const put = await http.request("PUT", znode(healthyId), { data: "refused", version });
      expect(put.status, JSON.stringify(put.body)).toBe(503);
      expect(put.body.error.code).toBe(code);
      const create = await http.request("POST", znode(healthyId, "/svc/refused-child"), {});
      expect(create.status).toBe(503);
      expect(put.ms).toBeLessThan(20_000); // hang guard
      expect((await raw.read("/svc")).stat.version).toBe(version);
      expect(await (await raw.client()).exists("/svc/refused-child")).toBeNull();
    };
    const readsGoOn = async () => {
      const r = await http.get(znode(healthyId));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.stat.version).toBe(version);
    };
    const writesWork = async () => {
      const r = await http.request("PUT", znode(healthyId), { data: `after-${version}`, version }, 20_000);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      version = r.body.stat.version;
    };

    // The directory read-only: SQLite cannot create its journal.
    readOnly(server.dbDir, true);
    await readsGoOn();
    await refused("AUDIT_UNAVAILABLE");
    await sleep(2500); // a health sampling round fails to store its samples meanwhile
    readOnly(server.dbDir, false);
    await writesWork();

    // The file moved away (removed from its path), then put back.
    fs.renameSync(server.dbFile, `${server.dbFile}.away`);
    await readsGoOn();
    await refused("AUDIT_UNAVAILABLE");
    fs.renameSync(`${server.dbFile}.away`, server.dbFile);
    await writesWork();

    // Locked by another process for writing (a stuck writer, a backup).
    let lock = await holdDatabaseLock(server.dbFile, "IMMEDIATE");
    await readsGoOn();
    await refused("AUDIT_UNAVAILABLE");
    await lock.release();
    await writesWork();

    // Locked exclusively: reads go on from what the console holds in memory (the signed-in actor, the
    // cluster); a write is refused with a 503, not a 500 or a hang, and never reaches ZooKeeper.
    lock = await holdDatabaseLock(server.dbFile, "EXCLUSIVE");
    await readsGoOn();
    const blocked = await http.request("PUT", znode(healthyId), { data: "refused", version });
    expect(blocked.status, JSON.stringify(blocked.body)).toBe(503);
    expect(["AUDIT_UNAVAILABLE", "DATABASE_UNAVAILABLE"]).toContain(blocked.body.error.code);
    expect((await raw.read("/svc")).stat.version).toBe(version);
    await lock.release();
    await writesWork();

    // The file itself read-only: the write fails inside SQLite's commit; afterwards everything works again.
    readOnly(server.dbFile, true);
    const put = await http.request("PUT", znode(healthyId), { data: "refused", version });
    expect(put.status, JSON.stringify(put.body)).toBe(503);
    expect((await raw.read("/svc")).stat.version).toBe(version);
    readOnly(server.dbFile, false);
    await writesWork();
    await readsGoOn();

    // Alive and answering, the audit chain intact.
    expect(server.alive()).toBe(true);
    expect((await http.get("/login")).status).toBe(200);
    const verify = await http.request("POST", "/api/v1/audit/verify");
    expect(verify.status, JSON.stringify(verify.body)).toBe(200);
    expect(verify.body, JSON.stringify(verify.body)).toMatchObject({ ok: true });
    closeSession("e2e-faults-raw");
  });
});
