// Each role against each write endpoint, through the real route handlers with real session
// cookies, a real ZooKeeper and SQLite: 404 where the cluster is not visible, 403 where the role
// is short, success otherwise, and ZooKeeper checked either way. The status of every route (reads,
// registry, admin) for every role is walked by test/proving/authorization-matrix.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as clusterRoute from "@/app/api/v1/clusters/[id]/route";
import * as clustersRoute from "@/app/api/v1/clusters/route";
import * as znodeRoute from "@/app/api/v1/clusters/[id]/znode/route";
import * as copyRoute from "@/app/api/v1/clusters/[id]/copy/route";
import * as importRoute from "@/app/api/v1/clusters/[id]/import/route";
import * as restoreRoute from "@/app/api/v1/audit/[id]/restore/route";
import * as aclRoute from "@/app/api/v1/clusters/[id]/acl/route";
import { createCluster } from "@/lib/clusters/registry";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import type { ZkClient } from "@/lib/core/zk/client";
import { auditEntryOfRequest } from "@/lib/audit/query";
import { callRoute, makeRoleUsers, WHO, type Who } from "@/test/support/auth";

describe("permissions on every write endpoint", () => {
  let zk: LocalEnsemble;
  let raw: ZkClient;
  let clusterId: string;
  let users: Record<Who, string>;
  let n = 0;

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    raw = await getClient({ id: "perm-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000 });
    for (const p of ["/app", "/app/config", "/other"]) await raw.create(p, Buffer.from(""), 0);
    await raw.create("/app/config/x", Buffer.from("v0"), 0);
    clusterId = (await createCluster({ name: `perm-${Date.now()}`, connectionString: zk.connectionString })).id;
    users = await makeRoleUsers(clusterId, "/other");
  });
  afterAll(async () => {
    closeSession("perm-raw");
    closeSession(clusterId);
    await zk.stopAll();
  });

  const exists = async (p: string) => (await raw.exists(p)) !== null;
  const data = async (p: string) => (await raw.get(p)).data.toString();
  const version = async (p: string) => (await raw.get(p)).stat.version;
  const q = (path: string, extra: Record<string, string> = {}) => new URLSearchParams({ path, ...extra }).toString();
  const P = () => ({ id: clusterId });

  // Each case prepares its own znodes, calls the endpoint, and says what ZooKeeper must show when it was allowed.
  const cases: Record<string, (who: Who) => Promise<{ status: number; changed: boolean }>> = {
    "POST znode (create)": async (who) => {
      const path = `/app/new-${++n}`;
      const r = await callRoute(znodeRoute.POST, "POST", `/api/v1/clusters/${clusterId}/znode?${q(path)}`, P(), { userId: users[who], body: { data: "x" } });
      return { status: r.status, changed: await exists(path) };
    },
    "PUT znode (set)": async (who) => {
      const before = await data("/app/config/x");
      const r = await callRoute(znodeRoute.PUT, "PUT", `/api/v1/clusters/${clusterId}/znode?${q("/app/config/x")}`, P(), { userId: users[who], body: { data: `by ${who}`, version: await version("/app/config/x") } });
      return { status: r.status, changed: (await data("/app/config/x")) !== before };
    },
    "DELETE znode": async (who) => {
      const path = `/app/del-${++n}`;
      await raw.create(path, Buffer.from(""), 0);
      const r = await callRoute(znodeRoute.DELETE, "DELETE", `/api/v1/clusters/${clusterId}/znode?${q(path, { version: "0" })}`, P(), { userId: users[who] });
      return { status: r.status, changed: !(await exists(path)) };
    },
    "DELETE znode recursive": async (who) => {
      const path = `/app/rdel-${++n}`;
      await raw.create(path, Buffer.from(""), 0);
      await raw.create(`${path}/child`, Buffer.from(""), 0);
      const r = await callRoute(znodeRoute.DELETE, "DELETE", `/api/v1/clusters/${clusterId}/znode?${q(path, { recursive: "true", confirm: path })}`, P(), { userId: users[who] });
      return { status: r.status, changed: !(await exists(path)) };
    },
    "POST copy": async (who) => {
      const target = `/app/copy-${++n}`;
      const r = await callRoute(copyRoute.POST, "POST", `/api/v1/clusters/${clusterId}/copy`, P(), { userId: users[who], body: { source: "/app/config", target } });
      return { status: r.status, changed: await exists(target) };
    },
    "POST copy (move)": async (who) => {
      const source = `/app/mv-${++n}`;
      await raw.create(source, Buffer.from("m"), 0);
      const r = await callRoute(copyRoute.POST, "POST", `/api/v1/clusters/${clusterId}/copy`, P(), { userId: users[who], body: { source, target: `${source}-moved`, move: true } });
      return { status: r.status, changed: !(await exists(source)) };
    },
    "POST import": async (who) => {
      const root = `/app/imp-${++n}`;
      const file = { format: "zk-console-export", formatVersion: 1, root: "/src", exportedAt: new Date().toISOString(), nodes: [{ path: "", data: "i", encoding: "utf8" }, { path: "a", data: "j", encoding: "utf8" }], count: 2 };
      const r = await callRoute(importRoute.POST, "POST", `/api/v1/clusters/${clusterId}/import?${q(root, { dryRun: "false" })}`, P(), { userId: users[who], body: file });
      return { status: r.status, changed: await exists(`${root}/a`) };
    },
    "POST audit restore": async (who) => {
      // An admin's change, then the role under test undoes it (restores the value before it).
      const path = `/app/rst-${++n}`;
      await raw.create(path, Buffer.from("old"), 0);
      const set = await callRoute(znodeRoute.PUT, "PUT", `/api/v1/clusters/${clusterId}/znode?${q(path)}`, P(), { userId: users.admin, body: { data: "new", version: 0 } });
      expect(set.status).toBe(200);
      const record = await auditEntryOfRequest(set.headers.get("x-request-id")!);
      const r = await callRoute(restoreRoute.POST, "POST", `/api/v1/audit/${record.id}/restore`, { id: String(record.id) }, { userId: users[who], body: { version: 1, side: "before" } });
      return { status: r.status, changed: (await data(path)) === "old" };
    },
  };

  // ACL changes are an admin action: editors are refused too.
  cases["PUT acl"] = async (who) => {
    const path = `/app/acl-${++n}`;
    await raw.create(path, Buffer.from(""), 0);
    const acl = [{ scheme: "world", id: "anyone", perms: "cdrwa" }];
    const r = await callRoute(aclRoute.PUT, "PUT", `/api/v1/clusters/${clusterId}/acl?${q(path)}`, P(), { userId: users[who], body: { acl, aversion: 0 } });
    return { status: r.status, changed: (await raw.getAcl(path)).stat.aversion === 1 };
  };

  const expected: Record<Who, number | "ok"> = { none: 404, viewer: 403, prefixEditor: 403, editor: "ok", admin: "ok" };
  // A restore answers every refusal as "no such record you can restore" (no oracle of records, clusters, paths).
  const expectedFor = (name: string, who: Who) => (name === "PUT acl" && who === "editor" ? 403 : name === "POST audit restore" && expected[who] === 403 ? 404 : expected[who]);

  for (const [name, run] of Object.entries(cases)) {
    for (const who of WHO) {
      it(`${name} as ${who} → ${expectedFor(name, who)}`, async () => {
        const { status, changed } = await run(who);
        const want = expectedFor(name, who);
        if (want === "ok") {
          expect(status).toBeGreaterThanOrEqual(200);
          expect(status).toBeLessThan(300);
          expect(changed).toBe(true);
        } else {
          expect(status).toBe(want);
          expect(changed).toBe(false);
        }
      });
    }
  }

  it("an editor limited to a path prefix writes below it and nowhere else", async () => {
    const inside = await callRoute(znodeRoute.POST, "POST", `/api/v1/clusters/${clusterId}/znode?${q("/other/mine")}`, P(), { userId: users.prefixEditor, body: { data: "ok" } });
    expect(inside.status).toBe(201);
    expect(await exists("/other/mine")).toBe(true);
    const read = await callRoute(znodeRoute.GET, "GET", `/api/v1/clusters/${clusterId}/znode?${q("/other/mine")}`, P(), { userId: users.prefixEditor });
    expect(read.json.permissions).toEqual({ write: true, admin: false });
    const outside = await callRoute(znodeRoute.GET, "GET", `/api/v1/clusters/${clusterId}/znode?${q("/app/config/x")}`, P(), { userId: users.prefixEditor });
    expect(outside.status).toBe(403);
    // A sibling sharing the prefix's spelling is not below it.
    const sibling = await callRoute(znodeRoute.POST, "POST", `/api/v1/clusters/${clusterId}/znode?${q("/other-x")}`, P(), { userId: users.prefixEditor, body: {} });
    expect(sibling.status).toBe(403);
  });

  it("a viewer reads with permissions.write=false", async () => {
    const r = await callRoute(znodeRoute.GET, "GET", `/api/v1/clusters/${clusterId}/znode?${q("/app/config/x")}`, P(), { userId: users.viewer });
    expect(r.status).toBe(200);
    expect(r.json.permissions).toEqual({ write: false, admin: false });
  });

  it("a user without any grant on a cluster does not see it exists", async () => {
    const list = await callRoute(clustersRoute.GET, "GET", "/api/v1/clusters", {}, { userId: users.none });
    expect(list.status).toBe(200);
    expect(list.json.clusters.map((c: { id: string }) => c.id)).not.toContain(clusterId);
    const one = await callRoute(clusterRoute.GET, "GET", `/api/v1/clusters/${clusterId}`, P(), { userId: users.none });
    expect(one.status).toBe(404);
    const unknown = await callRoute(clusterRoute.GET, "GET", "/api/v1/clusters/no-such-id", { id: "no-such-id" }, { userId: users.none });
    expect(one.json.error.message.replace(clusterId, "X")).toBe(unknown.json.error.message.replace("no-such-id", "X"));
    const node = await callRoute(znodeRoute.GET, "GET", `/api/v1/clusters/${clusterId}/znode?${q("/app")}`, P(), { userId: users.none });
    expect(node.status).toBe(404);
    const withPrefix = await callRoute(clustersRoute.GET, "GET", "/api/v1/clusters", {}, { userId: users.prefixEditor });
    expect(withPrefix.json.clusters.map((c: { id: string }) => c.id)).toContain(clusterId);
  });

  it("a cluster's webhook URL (it often carries a token) is sent to admins only", async () => {
    const patch = await callRoute(clusterRoute.PATCH, "PATCH", `/api/v1/clusters/${clusterId}`, P(), { userId: users.admin, body: { webhookUrl: "https://hooks.example.test/T000/secret-token" } });
    expect(patch.json.cluster.webhookUrl).toBe("https://hooks.example.test/T000/secret-token");
    for (const who of ["viewer", "prefixEditor", "editor", "admin"] as const) {
      const list = await callRoute(clustersRoute.GET, "GET", "/api/v1/clusters", {}, { userId: users[who] });
      const one = await callRoute(clusterRoute.GET, "GET", `/api/v1/clusters/${clusterId}`, P(), { userId: users[who] });
      const listed = list.json.clusters.find((c: { id: string }) => c.id === clusterId);
      for (const view of [listed, one.json.cluster]) {
        if (who === "admin") expect(view.webhookUrl).toBe("https://hooks.example.test/T000/secret-token");
        else expect(view).not.toHaveProperty("webhookUrl");
      }
      expect(JSON.stringify(list.json).includes("secret-token")).toBe(who === "admin");
    }
  });
});
