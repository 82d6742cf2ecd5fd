import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRowOfRequest } from "../audit/query";
import { createCluster } from "../clusters/registry";
import { startEnsemble, type LocalEnsemble } from "../ensemble/launcher";
import { createMany } from "../demo/seed";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import { requestCtx } from "@/lib/access/request-ctx";
import type { RequestCtx } from "@/lib/access/mutations";
import { createNode, deleteNode, getNode, setData } from ".";
import { previewSubtree } from "./delete-recursive";

describe("the mutation path against a real ZooKeeper", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  let readOnlyId: string;
  const ctx = (role = "editor"): RequestCtx => requestCtx({ actor: { id: `u-${role}`, username: role, name: role, role, provider: "credentials" }, sourceIp: "127.0.0.1" });
  const raw = () => getClient({ id: "raw-other-client", connectionString: zk.connectionString, sessionTimeoutMs: 10_000 });

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1, extendedTypesEnabled: true });
    clusterId = (await createCluster({ name: `mut-${Date.now()}`, connectionString: zk.connectionString })).id;
    readOnlyId = (await createCluster({ name: `ro-${Date.now()}`, connectionString: zk.connectionString, readOnly: true })).id;
  });
  afterAll(async () => {
    for (const id of [clusterId, readOnlyId, "raw-other-client"]) closeSession(id);
    await zk.stopAll();
  });

  it("creates a node with parents and records intent and outcome in the audit trail", async () => {
    const c = ctx();
    const r = await createNode({ ctx: c, clusterId, path: "/cfg/app/settings", input: { data: '{"a":1}', createParents: true, reason: "setup" } });
    expect(r.path).toBe("/cfg/app/settings");
    expect(r.parentsCreated).toEqual(["/cfg", "/cfg/app"]);
    const audit = await auditRowOfRequest(c.requestId);
    expect(audit).toMatchObject({ operation: "create", path: "/cfg/app/settings", outcome: "ok", afterData: '{"a":1}', reason: "setup", actorName: "editor" });
  });

  it("returns the assigned name of a sequential node", async () => {
    const r = await createNode({ ctx: ctx(), clusterId, path: "/cfg/job-", input: { nodeType: "persistent_sequential" } });
    expect(r.path).toMatch(/^\/cfg\/job-\d{10}$/);
  });

  it("creates TTL nodes when the server has extendedTypesEnabled", async () => {
    const r = await createNode({ ctx: ctx(), clusterId, path: "/cfg/ttl", input: { nodeType: "persistent_ttl", ttlMs: 60_000 } });
    expect(r.path).toBe("/cfg/ttl");
  });

  it("refuses a stale version on set: a concurrent edit is never overwritten", async () => {
    await createNode({ ctx: ctx(), clusterId, path: "/cfg/shared", input: { data: "base" } });
    const seen = (await getNode({ ctx: ctx(), clusterId, input: { path: "/cfg/shared" } })).stat.version;
    await (await raw()).set("/cfg/shared", Buffer.from("theirs"), seen); // another client saves first
    const c = ctx();
    const err = await setData({ ctx: c, clusterId, path: "/cfg/shared", input: { data: "mine", version: seen } }).catch((e) => e);
    expect(err).toMatchObject({ code: "BAD_VERSION", status: 409, details: { expectedVersion: seen, currentVersion: seen + 1 } });
    expect(Buffer.from(err.details.current.base64, "base64").toString()).toBe("theirs");
    expect((await getNode({ ctx: ctx(), clusterId, input: { path: "/cfg/shared" } })).data.text).toBe("theirs");
    const audit = await auditRowOfRequest(c.requestId);
    expect(audit).toMatchObject({ operation: "set", outcome: "failed", beforeData: "theirs" });
  });

  it("sets data at the version the operator saw", async () => {
    const seen = (await getNode({ ctx: ctx(), clusterId, input: { path: "/cfg/shared" } })).stat.version;
    const stat = await setData({ ctx: ctx(), clusterId, path: "/cfg/shared", input: { data: "mine", version: seen } });
    expect(stat.version).toBe(seen + 1);
  });

  it("rejects oversize values before sending them (413)", async () => {
    const big = "x".repeat(1024 * 1024 + 1);
    await expect(setData({ ctx: ctx(), clusterId, path: "/cfg/shared", input: { data: big, version: 0 } })).rejects.toMatchObject({ status: 413 });
  });

  it("requires a version for set and single delete", async () => {
    await expect(setData({ ctx: ctx(), clusterId, path: "/cfg/shared", input: { data: "x" } })).rejects.toThrow(/version is required/);
    await expect(deleteNode({ ctx: ctx(), clusterId, path: "/cfg/shared", input: {} })).rejects.toThrow(/version is required/);
  });

  it("refuses writes on read-only clusters and from viewers", async () => {
    await expect(createNode({ ctx: ctx(), clusterId: readOnlyId, path: "/nope", input: {} })).rejects.toMatchObject({ code: "READ_ONLY_CLUSTER", status: 403 });
    await expect(createNode({ ctx: ctx("viewer"), clusterId, path: "/nope", input: {} })).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    expect(await (await raw()).exists("/nope")).toBeNull();
  });

  it("deletes one node only at the version seen, and refuses a node with children", async () => {
    await expect(deleteNode({ ctx: ctx(), clusterId, path: "/cfg", input: { version: "0" } })).rejects.toMatchObject({ code: "NOT_EMPTY", status: 409 });
    const v = (await getNode({ ctx: ctx(), clusterId, input: { path: "/cfg/shared" } })).stat.version;
    await expect(deleteNode({ ctx: ctx(), clusterId, path: "/cfg/shared", input: { version: String(v - 1) } })).rejects.toMatchObject({ code: "BAD_VERSION" });
    await deleteNode({ ctx: ctx(), clusterId, path: "/cfg/shared", input: { version: String(v) } });
    expect(await (await raw()).exists("/cfg/shared")).toBeNull();
  });

  it("previews and deletes a 5,000-node subtree after a typed confirmation", async () => {
    const client = await raw();
    await client.create("/tree", Buffer.alloc(0), 0);
    await createMany(client, "/tree", 50, (i) => `branch-${i}`);
    for (let b = 0; b < 50; b++) await createMany(client, `/tree/branch-${b}`, 99, (i) => `leaf-${i}`);
    const preview = await previewSubtree({ ctx: ctx(), clusterId, input: { path: "/tree" } });
    expect(preview).toMatchObject({ count: 5001, depth: 2 });
    expect(preview.samples.length).toBeGreaterThan(0);
    await expect(deleteNode({ ctx: ctx(), clusterId, path: "/tree", input: { recursive: "true", confirm: "/tre" } })).rejects.toMatchObject({ code: "CONFIRMATION_REQUIRED" });
    expect(await client.exists("/tree")).not.toBeNull();
    const r = await deleteNode({ ctx: ctx(), clusterId, path: "/tree", input: { recursive: "true", confirm: "/tree" } });
    expect(r).toMatchObject({ deleted: 5001, found: 5001 });
    expect(await client.exists("/tree")).toBeNull();
  });

  it("refuses to delete / and /zookeeper recursively", async () => {
    await expect(deleteNode({ ctx: ctx(), clusterId, path: "/", input: { recursive: "true", confirm: "/" } })).rejects.toMatchObject({ status: 403 });
    await expect(deleteNode({ ctx: ctx(), clusterId, path: "/zookeeper", input: { recursive: "true", confirm: "/zookeeper" } })).rejects.toMatchObject({ status: 403 });
  });
});
