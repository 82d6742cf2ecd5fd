// Four-eyes review, end to end through the real route handlers, a real ZooKeeper and SQLite: two
// local users and an OIDC user; the author cannot approve, a viewer cannot, a second editor's
// approval applies the write at the base version; a change made meanwhile makes the request stale
// with nothing written; rejection, withdrawal, rebase, break glass; every step in the audit chain.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as znodeRoute from "@/app/api/v1/clusters/[id]/znode/route";
import * as protectionsRoute from "@/app/api/v1/clusters/[id]/protections/route";
import * as listRoute from "@/app/api/v1/change-requests/route";
import * as oneRoute from "@/app/api/v1/change-requests/[id]/route";
import * as approveRoute from "@/app/api/v1/change-requests/[id]/approve/route";
import * as rejectRoute from "@/app/api/v1/change-requests/[id]/reject/route";
import * as withdrawRoute from "@/app/api/v1/change-requests/[id]/withdraw/route";
import * as rebaseRoute from "@/app/api/v1/change-requests/[id]/rebase/route";
import * as applyNowRoute from "@/app/api/v1/change-requests/[id]/apply-now/route";
import * as inboxRoute from "@/app/api/v1/change-requests/inbox/route";
import { createCluster } from "@/lib/clusters/registry";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import type { ZkClient } from "@/lib/core/zk/client";
import { db } from "@/lib/core/db/client";
import { verifyAuditChain } from "@/lib/audit/verify";
import { changeNotificationsSettled } from "@/lib/access/changes/notify";
import { callRoute, grant, makeUser } from "@/test/support/auth";

describe("change requests under a protected path", () => {
  let zk: LocalEnsemble;
  let raw: ZkClient;
  let clusterId: string;
  const u: Record<"alice" | "bob" | "carol" | "viewer" | "admin", string> = {} as never;
  let n = 0;

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    raw = await getClient({ id: "changes-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000 });
    for (const p of ["/app", "/app/config", "/free"]) await raw.create(p, Buffer.from(""), 0);
    clusterId = (await createCluster({ name: `changes-${Date.now()}`, connectionString: zk.connectionString })).id;
    u.alice = (await makeUser("editor", { name: "alice" })).id; // local
    u.bob = (await makeUser("none", { name: "bob" })).id; // local, editor only under /app
    await grant({ userId: u.bob }, "editor", { clusterId, pathPrefix: "/app" });
    u.carol = (await makeUser("editor", { name: "carol", provider: "oidc" })).id; // SSO
    u.viewer = (await makeUser("viewer")).id;
    u.admin = (await makeUser("admin")).id;
    const p = await callRoute(protectionsRoute.POST, "POST", `/api/v1/clusters/${clusterId}/protections`, { id: clusterId }, { userId: u.admin, body: { pathPrefix: "/app/config", approvals: 1 } });
    expect(p.status).toBe(201);
  });
  afterAll(async () => {
    await changeNotificationsSettled();
    closeSession("changes-raw");
    closeSession(clusterId);
    await zk.stopAll();
  });

  const node = async (data = "v0") => {
    const path = `/app/config/n${++n}`;
    await raw.create(path, Buffer.from(data), 0);
    return path;
  };
  const value = async (path: string) => (await raw.get(path)).data.toString();
  const znodeUrl = (path: string) => `/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent(path)}`;
  const set = (who: string, path: string, data: string, version = 0, headers?: Record<string, string>, reason?: string) =>
    callRoute(znodeRoute.PUT, "PUT", znodeUrl(path), { id: clusterId }, { userId: who, body: { data, version, reason }, headers });
  const cr = (id: number) => `/api/v1/change-requests/${id}`;
  const act = (route: typeof approveRoute, verb: string, who: string, id: number, body: unknown = {}) => callRoute(route.POST, "POST", `${cr(id)}/${verb}`, { id: String(id) }, { userId: who, body });
  const show = (who: string, id: number) => callRoute(oneRoute.GET, "GET", cr(id), { id: String(id) }, { userId: who });

  it("holds an editor's write as a pending request and leaves ZooKeeper unchanged", async () => {
    const path = await node();
    const r = await set(u.alice, path, "v1");
    expect(r.status).toBe(202);
    expect(r.json).toMatchObject({ status: "pending" });
    expect(typeof r.json.changeRequestId).toBe("number");
    expect(await value(path)).toBe("v0");
    const shown = await show(u.bob, r.json.changeRequestId);
    expect(shown.json.changeRequest).toMatchObject({ status: "pending", operation: "set", path, author: { id: u.alice }, may: { approve: true } });
    expect(shown.json.changeRequest.ops[0]).toMatchObject({ op: "set", version: 0, data: Buffer.from("v1").toString("base64"), base: { data: Buffer.from("v0").toString("base64"), version: 0 }, current: { version: 0 } });
  });

  it("writes outside the protected prefix directly", async () => {
    const path = "/free/direct";
    const r = await callRoute(znodeRoute.POST, "POST", znodeUrl(path), { id: clusterId }, { userId: u.alice, body: { data: "d" } });
    expect(r.status).toBe(201);
    expect(await value(path)).toBe("d");
  });

  it("refuses the author's own approval, and a viewer's; a second editor's approval applies at the base version", async () => {
    const path = await node();
    const id = (await set(u.alice, path, "v1")).json.changeRequestId as number;
    const self = await act(approveRoute, "approve", u.alice, id);
    expect(self.status).toBe(403);
    expect(self.json.error.code).toBe("SELF_APPROVAL");
    expect((await act(approveRoute, "approve", u.viewer, id)).status).toBe(403);
    expect(await value(path)).toBe("v0");
    const ok = await act(approveRoute, "approve", u.carol, id, { comment: "looks right" });
    expect(ok.status).toBe(200);
    expect(ok.json.changeRequest.status).toBe("applied");
    const now = await raw.get(path);
    expect(now.data.toString()).toBe("v1");
    expect(now.stat.version).toBe(1);
    expect(ok.json.changeRequest.events.map((e: { kind: string }) => e.kind)).toEqual(["submitted", "approved", "applied"]);
  });

  it("an admin author cannot approve its own request either", async () => {
    const path = await node();
    const id = (await set(u.admin, path, "by admin")).json.changeRequestId as number;
    expect((await act(approveRoute, "approve", u.admin, id)).json.error.code).toBe("SELF_APPROVAL");
  });

  it("becomes stale when another client changed the node meanwhile, writes nothing, and the author may rebase it", async () => {
    const path = await node();
    const id = (await set(u.alice, path, "mine")).json.changeRequestId as number;
    await raw.set(path, Buffer.from("theirs"), 0);
    const r = await act(approveRoute, "approve", u.bob, id);
    expect(r.json.changeRequest.status).toBe("stale");
    expect(r.json.changeRequest.outcome.drift).toEqual([expect.objectContaining({ path, expected: 0, now: expect.objectContaining({ version: 1, data: Buffer.from("theirs").toString("base64") }) })]);
    expect(await value(path)).toBe("theirs");
    expect((await act(rebaseRoute, "rebase", u.bob, id)).status).toBe(403);
    const rebased = await act(rebaseRoute, "rebase", u.alice, id);
    expect(rebased.json.changeRequest).toMatchObject({ status: "pending", rebasedFromId: id });
    expect(rebased.json.changeRequest.ops[0]).toMatchObject({ version: 1, base: { data: Buffer.from("theirs").toString("base64") } });
    const applied = await act(approveRoute, "approve", u.carol, rebased.json.changeRequest.id);
    expect(applied.json.changeRequest.status).toBe("applied");
    expect(await value(path)).toBe("mine");
  });

  it("is rejected with a comment by a reviewer, and withdrawn by its author only", async () => {
    const path = await node();
    const a = (await set(u.alice, path, "x")).json.changeRequestId as number;
    expect((await act(rejectRoute, "reject", u.bob, a, { comment: "" })).json.error.code).toBe("BAD_REQUEST");
    const rejected = await act(rejectRoute, "reject", u.bob, a, { comment: "not now" });
    expect(rejected.json.changeRequest.status).toBe("rejected");
    expect((await act(approveRoute, "approve", u.carol, a)).json.error.code).toBe("CHANGE_REQUEST_CLOSED");
    const b = (await set(u.alice, path, "y")).json.changeRequestId as number;
    expect((await act(withdrawRoute, "withdraw", u.bob, b)).status).toBe(403);
    expect((await act(withdrawRoute, "withdraw", u.alice, b)).json.changeRequest.status).toBe("withdrawn");
    expect(await value(path)).toBe("v0");
  });

  it("two approvals at once apply the change once", async () => {
    const path = await node();
    const id = (await set(u.alice, path, "once")).json.changeRequestId as number;
    const [x, y] = await Promise.all([act(approveRoute, "approve", u.bob, id), act(approveRoute, "approve", u.carol, id)]);
    const answers = [x, y].map((r) => r.json.changeRequest?.status ?? r.json.error.code);
    expect(answers.filter((s) => s === "applied")).toHaveLength(1);
    expect(answers.filter((s) => s !== "applied")).toEqual([expect.stringMatching(/CHANGE_REQUEST_CLOSED|applying|applied/)]);
    expect((await raw.get(path)).stat.version).toBe(1);
    expect(await db().auditRecord.count({ where: { operation: "set", kind: "intent", details: { contains: `"changeRequestId":${id}` } } })).toBe(1);
  });

  it("break glass: an admin applies directly with a reason, flagged and listed; an editor cannot", async () => {
    const path = await node();
    const glass = { "x-break-glass": "true" };
    expect((await set(u.admin, path, "urgent", 0, glass)).json.error.code).toBe("REASON_REQUIRED");
    expect((await set(u.alice, path, "urgent", 0, glass, "incident")).status).toBe(403);
    const r = await set(u.admin, path, "urgent", 0, glass, "incident 42");
    expect(r.status).toBe(200);
    expect(await value(path)).toBe("urgent");
    const listed = await callRoute(listRoute.GET, "GET", `/api/v1/change-requests?breakGlass=true&clusterId=${clusterId}`, {}, { userId: u.alice });
    expect(listed.json.changeRequests[0]).toMatchObject({ path, breakGlass: true, status: "applied", reason: "incident 42" });
    const intent = await db().auditRecord.findFirst({ where: { operation: "set", path, kind: "intent" }, orderBy: { id: "desc" } });
    expect(JSON.parse(intent!.details!)).toMatchObject({ breakGlass: true });
  });

  it("break glass on a pending request: applied without approvals, flagged", async () => {
    const path = await node();
    const id = (await set(u.alice, path, "now")).json.changeRequestId as number;
    expect((await act(applyNowRoute, "apply-now", u.bob, id, { reason: "x" })).status).toBe(403);
    const r = await act(applyNowRoute, "apply-now", u.admin, id, { reason: "outage" });
    expect(r.json.changeRequest).toMatchObject({ status: "applied", breakGlass: true });
    expect(await value(path)).toBe("now");
  });

  it("lists with filters and counts the reviews waiting for a user", async () => {
    const path = await node();
    await set(u.alice, path, "z");
    const mine = await callRoute(listRoute.GET, "GET", "/api/v1/change-requests?author=me&status=pending", {}, { userId: u.alice });
    expect(mine.json.changeRequests.every((c: { author: { id: string }; status: string }) => c.author.id === u.alice && c.status === "pending")).toBe(true);
    const inbox = await callRoute(inboxRoute.GET, "GET", "/api/v1/change-requests/inbox", {}, { userId: u.carol });
    expect(inbox.json.pendingReviews).toBeGreaterThan(0);
    expect((await callRoute(inboxRoute.GET, "GET", "/api/v1/change-requests/inbox", {}, { userId: u.viewer })).json.pendingReviews).toBe(0);
  });

  it("records every step in the audit chain, which verifies", async () => {
    const ops = (await db().auditRecord.findMany({ where: { operation: { startsWith: "change_request_" } }, select: { operation: true } })).map((r) => r.operation);
    for (const op of ["change_request_submit", "change_request_approve", "change_request_applied", "change_request_stale", "change_request_rejected", "change_request_withdrawn", "change_request_break_glass"]) expect(ops).toContain(op);
    expect(await db().auditRecord.count({ where: { operation: "protection_create" } })).toBeGreaterThan(0);
    const verified = await verifyAuditChain();
    expect(verified.ok).toBe(true);
  });
});
