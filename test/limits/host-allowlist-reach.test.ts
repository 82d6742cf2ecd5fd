// CLUSTER_HOST_ALLOWLIST beyond connection strings: a webhook URL outside it is refused when set and
// never POSTed to (alert and change-request deliveries check it again, for URLs stored before the
// allowlist), and a member only the dynamic config names is reported, never probed. Receivers and
// "members" listen on 127.0.0.2 while the allowlist admits 127.0.0.1 only; each case has a control
// run with 127.0.0.2 admitted, so the tests see the connection the refusal prevents.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db/client";
import { changeCluster, createCluster, registerCluster } from "@/lib/clusters/registry";
import { inspectEnsemble } from "@/lib/health";
import { sendAlertWebhook, webhooksSettled } from "@/lib/health/webhook";
import { changeNotificationsSettled, notifyChange } from "@/lib/access/changes/notify";
import { actorCtx } from "@/test/support/actors";

const ONLY_ONE = "127.0.0.1";
const BOTH = "127.0.0.1,127.0.0.2";

describe("CLUSTER_HOST_ALLOWLIST for webhooks and discovered members", () => {
  let hits = 0;
  let probes = 0;
  const receiver = http.createServer((req, res) => { hits++; req.resume(); req.on("end", () => res.writeHead(204).end()); });
  const member = net.createServer((s) => { probes++; s.end(); });
  let hook = "";
  let memberPort = 0;
  let closedPort = 0;

  beforeAll(async () => {
    process.env.HEALTH_WEBHOOK_TRIES = "1";
    process.env.CHANGE_WEBHOOK_BACKOFF_MS = "1";
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.2", r));
    await new Promise<void>((r) => member.listen(0, "127.0.0.2", r));
    hook = `http://127.0.0.2:${(receiver.address() as AddressInfo).port}/hook?token=s3cret`;
    memberPort = (member.address() as AddressInfo).port;
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
  });
  afterEach(() => { delete process.env.CLUSTER_HOST_ALLOWLIST; });
  afterAll(() => { receiver.close(); member.close(); delete process.env.HEALTH_WEBHOOK_TRIES; });

  it("refuses to register or change a cluster whose webhook URL is outside, naming the field; stores nothing", async () => {
    process.env.CLUSTER_HOST_ALLOWLIST = ONLY_ONE;
    const name = `allow-hook-${Date.now()}`;
    await expect(registerCluster({ ctx: actorCtx("admin"), input: { name, connectionString: `127.0.0.1:${closedPort}`, webhookUrl: "http://169.254.169.254/latest/hook" } }))
      .rejects.toMatchObject({ code: "HOST_NOT_ALLOWED", status: 400, details: { field: "webhookUrl" }, message: expect.stringMatching(/webhook host 169.254.169.254 is not in CLUSTER_HOST_ALLOWLIST/) });
    expect(await db().cluster.findFirst({ where: { name } })).toBeNull();
    const c = await createCluster({ name, connectionString: `127.0.0.1:${closedPort}` });
    await expect(changeCluster({ ctx: actorCtx("admin"), id: c.id, input: { webhookUrl: hook } })).rejects.toMatchObject({ code: "HOST_NOT_ALLOWED" });
    expect((await db().cluster.findUniqueOrThrow({ where: { id: c.id } })).webhookUrl).toBeNull();
    process.env.CLUSTER_HOST_ALLOWLIST = BOTH;
    await changeCluster({ ctx: actorCtx("admin"), id: c.id, input: { webhookUrl: hook } });
    expect((await db().cluster.findUniqueOrThrow({ where: { id: c.id } })).webhookUrl).toBe(hook);
  });

  it("does not deliver an alert webhook stored before the allowlist, and says so on the alert", async () => {
    const c = await createCluster({ name: `allow-alert-${Date.now()}`, connectionString: `127.0.0.1:${closedPort}` });
    const alert = await db().healthAlert.create({ data: { clusterId: c.id, kind: "member_down", severity: "critical", message: "down" } });
    const payload = { event: "alert.opened" as const, cluster: { id: c.id, name: c.name }, alert: { id: alert.id, kind: "member_down", member: null, severity: "critical", message: "down", startedAt: new Date().toISOString(), resolvedAt: null } };
    process.env.CLUSTER_HOST_ALLOWLIST = ONLY_ONE;
    sendAlertWebhook(hook, payload);
    await webhooksSettled();
    expect(hits).toBe(0);
    const row = await db().healthAlert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(row.webhookStatus).toMatch(/^alert.opened not sent: webhook host 127.0.0.2 is not in CLUSTER_HOST_ALLOWLIST/);
    expect(row.webhookStatus).not.toContain("s3cret");
    process.env.CLUSTER_HOST_ALLOWLIST = BOTH;
    sendAlertWebhook(hook, payload);
    await webhooksSettled();
    expect(hits).toBe(1);
  });

  it("does not send a change-request notification to a webhook outside", async () => {
    const c = await createCluster({ name: `allow-change-${Date.now()}`, connectionString: `127.0.0.1:${closedPort}` });
    await db().cluster.update({ where: { id: c.id }, data: { webhookUrl: hook } });
    const notice = { kind: "submitted" as const, actorName: "ed", request: { id: 1, clusterId: c.id, clusterName: c.name, operation: "set", path: "/a", status: "pending", authorName: "ed", reason: null, opCount: 1, requiredApprovals: 1 } };
    const before = hits;
    process.env.CLUSTER_HOST_ALLOWLIST = ONLY_ONE;
    notifyChange(notice);
    await changeNotificationsSettled();
    expect(hits).toBe(before);
    process.env.CLUSTER_HOST_ALLOWLIST = BOTH;
    notifyChange(notice);
    await changeNotificationsSettled();
    expect(hits).toBe(before + 1);
  });

  it("reports a member only the dynamic config names outside the allowlist without connecting to it", async () => {
    const dynamicConfig = [`server.1=127.0.0.1:2888:3888:participant;127.0.0.1:${closedPort}`, `server.2=127.0.0.2:2888:3888:participant;127.0.0.2:${memberPort}`, "version=100000000"].join("\n");
    const cluster = { connectionString: `127.0.0.1:${closedPort}`, adminServerPort: null };
    process.env.CLUSTER_HOST_ALLOWLIST = ONLY_ONE;
    const view = await inspectEnsemble(cluster, { dynamicConfig, words: ["srvr"] });
    const outside = view.members.find((m) => m.host === "127.0.0.2");
    expect(outside).toMatchObject({ state: "down", clientPort: memberPort, error: expect.stringMatching(/^not probed: 127.0.0.2 is not in CLUSTER_HOST_ALLOWLIST/) });
    expect(probes).toBe(0);
    process.env.CLUSTER_HOST_ALLOWLIST = BOTH;
    await inspectEnsemble(cluster, { dynamicConfig, words: ["srvr"] });
    expect(probes).toBe(1);
  });
});
