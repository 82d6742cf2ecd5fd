// Property: random sequences of bulk operations (import, copy, move, recursive delete, recursive
// ACL, create with parents, sequential creates) by users with random path grants never touch a node
// outside what their grants allow, never touch /zookeeper, and never set an ACL without the ACL
// permission. Checked after every operation by walking the whole tree with a raw (super user)
// client. Seeded (PROPERTY_SEED to replay) and bounded (PROPERTY_STEPS); the seed is in every failure.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRecursiveAcl, digestId } from "@/lib/acl";
import { requestCtx } from "@/lib/access/request-ctx";
import { can } from "@/lib/access/permissions";
import type { Actor, GrantRef, Role } from "@/lib/core/actor";
import { ConsoleError } from "@/lib/core/errors";
import { createCluster } from "@/lib/clusters/registry";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import type { ZkClient } from "@/lib/core/zk/client";
import { ZkError } from "@/lib/core/zk/errors";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { copySubtree, createNode, deleteNode, importSubtree } from "@/lib/znodes";

const SEED = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));
const STEPS = Number(process.env.PROPERTY_STEPS ?? 200);
const SUPER_PW = `super-${randomUUID()}`;

/** mulberry32: a small seeded PRNG, so a failing sequence replays exactly. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)], chance: (p: number) => next() < p };
}

type NodeState = { data: string; version: number; aversion: number; acl: string; czxid: number };

/** Every znode of the tree: what a change to it would show. */
async function snapshot(raw: ZkClient): Promise<Map<string, NodeState>> {
  const out = new Map<string, NodeState>();
  const visit = async (path: string): Promise<void> => {
    const [{ data, stat }, { acl }, { children }] = await Promise.all([raw.get(path), raw.getAcl(path), raw.children(path)]);
    out.set(path, { data: data.toString("base64"), version: stat.version, aversion: stat.aversion, acl: acl.map((e) => `${e.scheme}:${e.auth}:${e.perms}`).sort().join(","), czxid: stat.czxid });
    await Promise.all(children.map((c) => visit(path === "/" ? `/${c}` : `${path}/${c}`)));
  };
  await visit("/");
  return out;
}

const ROOTS = ["/p", "/p/a", "/p/a/x", "/p/b", "/p/b/y", "/p/b/y/z", "/p/c", "/q", "/q/r"];
const PREFIXES = ["/p", "/p/a", "/p/b", "/p/b/y", "/p/c", "/q", "/q/r", "/p/a/x", "/nowhere"];
const ROLES: Role[] = ["viewer", "editor", "admin"];
const OPEN = [{ scheme: "world", id: "anyone", perms: "cdrwa" }];
const ACLS = [OPEN, [{ scheme: "world", id: "anyone", perms: "cdrwa" }, { scheme: "ip", id: "10.9.9.9", perms: "r" }], [{ scheme: "ip", id: "127.0.0.1", perms: "cdrwa" }], [{ scheme: "world", id: "anyone", perms: "r" }]];

describe(`bulk operations never reach past the grant (PROPERTY_SEED=${SEED})`, () => {
  let zk: LocalEnsemble;
  let raw: ZkClient;
  let cluster: { id: string; name: string };

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1, jvmFlags: [`-Dzookeeper.DigestAuthenticationProvider.superDigest=${digestId("super", SUPER_PW)}`] });
    raw = await getClient({ id: "property-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000, auth: [{ scheme: "digest", credential: `super:${SUPER_PW}` }] });
    const c = await createCluster({ name: `property-${Date.now()}`, connectionString: zk.connectionString });
    cluster = { id: c.id, name: c.name };
  });
  afterAll(async () => {
    closeSession("property-raw");
    if (cluster) closeSession(cluster.id);
    await zk.stopAll();
  });

  async function seedTree() {
    for (const p of ROOTS) if (!(await raw.exists(p))) await raw.create(p, Buffer.from(`seed ${p}`), 0);
  }

  it("holds for random users, grants and operations", async () => {
    const r = prng(SEED);
    await seedTree();
    const actorOf = (): Actor => {
      const grants: GrantRef[] = Array.from({ length: 1 + r.int(2) }, () => ({ role: r.pick(ROLES), clusterId: r.chance(0.8) ? cluster.id : null, pathPrefix: r.chance(0.1) ? null : r.pick(PREFIXES) }));
      return { id: `u-${r.int(1e9)}`, username: "prop", name: "prop", role: r.chance(0.05) ? "admin" : "none", provider: "credentials", grants };
    };
    const somewhere = () => (r.chance(0.1) ? "/" : r.pick(ROOTS));
    const fresh = (under: string) => `${under === "/" ? "" : under}/n${r.int(1000)}`;
    const fileOf = () => {
      const acl = () => (r.chance(0.5) ? { acl: r.pick([[{ scheme: "world", id: "anyone", perms: 31 }], [{ scheme: "world", id: "anyone", perms: 1 }], [{ scheme: "digest", id: "x:bad", perms: 31 }]]) } : {});
      const nodes = [{ path: "", data: "imp", encoding: "utf8", ...acl() }, { path: "k", data: "kid", encoding: "utf8", ...acl() }];
      if (r.chance(0.3)) nodes.push({ path: "zookeeper", data: "", encoding: "utf8" }, { path: "zookeeper/quota", data: "smashed", encoding: "utf8" });
      return { format: "zk-console-export", formatVersion: 1, root: "/x", exportedAt: "2026-01-01T00:00:00Z", nodes, count: nodes.length };
    };

    const ops: Record<string, (ctx: ReturnType<typeof requestCtx>) => Promise<unknown>> = {
      import: (ctx) => importSubtree({ ctx, clusterId: cluster.id, query: { path: r.chance(0.3) ? somewhere() : fresh(somewhere()), dryRun: "false", acl: String(r.chance(0.6)), onExisting: r.pick(["skip", "overwrite"]) }, body: fileOf() }),
      copy: (ctx) => copySubtree({ ctx, clusterId: cluster.id, input: { source: r.pick(ROOTS), target: r.chance(0.1) ? "/zookeeper/stolen" : fresh(somewhere()), withAcl: r.chance(0.5), move: r.chance(0.3) } }),
      deleteRecursive: (ctx) => {
        const path = r.pick([...ROOTS, "/zookeeper", "/zookeeper/quota"]);
        return deleteNode({ ctx, clusterId: cluster.id, path, input: { recursive: "true", confirm: path } });
      },
      recursiveAcl: (ctx) => applyRecursiveAcl({ ctx, clusterId: cluster.id, path: r.chance(0.15) ? "/" : r.pick(ROOTS), input: { acl: r.pick(ACLS) } }),
      createWithParents: (ctx) => createNode({ ctx, clusterId: cluster.id, path: `${fresh(somewhere())}/d${r.int(9)}/leaf`, input: { createParents: true, data: "c" } }),
      sequential: (ctx) => createNode({ ctx, clusterId: cluster.id, path: r.chance(0.5) ? r.pick(PREFIXES) : `${r.pick(ROOTS)}/seq-`, input: { nodeType: "persistent_sequential" } }),
    };

    let before = await snapshot(raw);
    let changedSomething = 0;
    for (let step = 0; step < STEPS; step++) {
      if (step % 15 === 0) {
        await seedTree();
        before = await snapshot(raw);
      }
      const actor = actorOf();
      const op = r.pick(Object.keys(ops));
      const what = `seed ${SEED}, step ${step}: ${op} by ${JSON.stringify(actor.grants)}${actor.role === "admin" ? " (global admin)" : ""}`;
      const error = await ops[op](requestCtx({ actor, sourceIp: "127.0.0.1" })).then(() => null, (e: unknown) => e);
      // Refusals and ZooKeeper's own answers are fine; a crash is not.
      if (error && !(error instanceof ConsoleError || error instanceof ZkError || (error as Error).name === "ZodError")) throw new Error(`${what}: unexpected ${String(error)}`);
      if (error instanceof ConsoleError) expect(error.status, `${what}: ${error.message}`).toBeLessThan(500);
      const after = await snapshot(raw);
      let changed = false;
      for (const path of new Set([...before.keys(), ...after.keys()])) {
        const was = before.get(path);
        const now = after.get(path);
        const created = !was && now;
        const deleted = was && !now;
        const replaced = was && now && was.czxid !== now.czxid;
        const dataChanged = was && now && !replaced && was.version !== now.version;
        // A node created with anything but the ACL every create gives (world:anyone:cdrwa) had its ACL set.
        const aclChanged = (was && now && !replaced && was.aversion !== now.aversion) || ((created || replaced) && now!.acl !== "world:anyone:31");
        if (!(created || deleted || replaced || dataChanged || aclChanged)) continue;
        changed = true;
        const change = `${path} (${created ? "created" : deleted ? "deleted" : replaced ? "replaced" : dataChanged ? "data changed" : "ACL changed"})`;
        expect(path === "/zookeeper" || path.startsWith("/zookeeper/"), `${what}: touched ZooKeeper's own ${change}`).toBe(false);
        expect(can(actor, "write", cluster, path), `${what}: changed ${change} outside the grant`).toBe(true);
        if (aclChanged) expect(can(actor, "admin", cluster, path), `${what}: set the ACL of ${change} without the ACL permission`).toBe(true);
      }
      if (changed) changedSomething++;
      before = after;
    }
    // Not a vacuous pass: a good share of the operations was allowed and did change the tree.
    expect(changedSomething, `seed ${SEED}: only ${changedSomething} of ${STEPS} operations changed anything`).toBeGreaterThan(STEPS / 10);
  });
});
