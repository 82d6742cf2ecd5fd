// Dynamic reconfiguration against a real ensemble started with reconfigEnabled=true
// (dynamic config file, skipACL so the console's session may reconfig): 3 → 4 → 3,
// participant → observer → participant, and the quorum guardrail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRowOfRequest } from "../audit/query";
import { createCluster } from "../clusters/registry";
import { getClusterHealth } from "../health";
import { actorCtx } from "@/test/support/actors";
import { closeSession } from "@/lib/core/zk/sessions";
import { applyReconfig } from "./apply-reconfig";
import { modeOf, startEnsemble, type LocalEnsemble, type RunningMember } from "./launcher";
import { planReconfig } from "./plan-reconfig";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await check().catch(() => null);
    if (v) return v;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("dynamic reconfiguration (real ensemble, reconfigEnabled)", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  let joiner: RunningMember;
  const admin = () => actorCtx("admin");

  beforeAll(async () => {
    zk = await startEnsemble({ size: 3, reconfigEnabled: true });
    clusterId = (await createCluster({ name: `reconfig-${Date.now()}`, connectionString: zk.connectionString })).id;
    await until("three members serving", async () => (await Promise.all(zk.members.map(modeOf))).every(Boolean));
  });
  afterAll(async () => {
    closeSession(clusterId);
    await zk?.stopAll();
  });

  it("refuses to add a server that is not running yet", async () => {
    const plan = await planReconfig({ ctx: admin(), clusterId, input: { change: "add", server: { id: 9, host: "127.0.0.1", quorumPort: 1, electionPort: 2, clientPort: 3 } } });
    expect(plan.errors.join(" ")).toMatch(/server 9 does not answer at 127\.0\.0\.1:3: start it first/);
  });

  it("3 → 4: the joining server, started first, is added after review; audited", async () => {
    joiner = await zk.addMember();
    await until("the joiner to sync as a learner", async () => (await modeOf(joiner)) === "follower");
    const change = { change: "add", server: { id: joiner.id, host: joiner.host, quorumPort: joiner.quorumPort, electionPort: joiner.electionPort, clientPort: joiner.clientPort } };
    const plan = await planReconfig({ ctx: actorCtx("viewer"), clusterId, input: change });
    expect(plan.errors).toEqual([]);
    expect(plan.current).toHaveLength(3);
    expect(plan.proposed).toHaveLength(4);
    expect(plan.joining).toBe(`server.4=127.0.0.1:${joiner.quorumPort}:${joiner.electionPort}:participant;127.0.0.1:${joiner.clientPort}`);
    expect(plan.voters).toMatchObject({ before: 3, after: 4, upAfter: 4, neededAfter: 3, toleratesAfter: 1 });
    expect(plan.warnings.join(" ")).toMatch(/4 voting members/);

    await expect(applyReconfig({ ctx: actorCtx("editor"), clusterId, input: { change, fromVersion: plan.currentVersion } })).rejects.toMatchObject({ status: 403 });
    await expect(applyReconfig({ ctx: admin(), clusterId, input: { change, fromVersion: "1" } })).rejects.toMatchObject({ code: "BAD_VERSION", status: 409 });
    const ctx = admin();
    const result = await applyReconfig({ ctx, clusterId, input: { change, fromVersion: plan.currentVersion, reason: "grow to 4" } });
    expect(result.config).toContain(`server.4=127.0.0.1:${joiner.quorumPort}:${joiner.electionPort}:participant`);
    const audit = await auditRowOfRequest(ctx.requestId);
    expect(audit).toMatchObject({ operation: "reconfig", outcome: "ok", reason: "grow to 4" });
    expect(audit?.afterData).toContain("server.4=");

    const health = await until("four members in the health view", async () => {
      const h = await getClusterHealth({ ctx: actorCtx("viewer"), clusterId });
      return h.members.length === 4 && h.members.every((m) => m.state === "up") ? h : null;
    });
    expect(health.membership?.servers).toHaveLength(4);
    expect(health.quorum).toMatchObject({ voters: 4, needed: 3, tolerates: 1 });
    expect(health.members.find((m) => m.serverId === 4)?.role).toBe("participant");
  });

  it("4 → 3: the server is removed again", async () => {
    const change = { change: "remove", id: 4 };
    const plan = await planReconfig({ ctx: admin(), clusterId, input: change });
    expect(plan).toMatchObject({ leaving: "4", errors: [], voters: { before: 4, after: 3, neededAfter: 2 } });
    const result = await applyReconfig({ ctx: admin(), clusterId, input: { change, fromVersion: plan.currentVersion, reason: "back to 3" } });
    expect(result.config).not.toContain("server.4=");
    const h = await getClusterHealth({ ctx: actorCtx("viewer"), clusterId });
    expect(h.membership?.servers.map((s) => s.id).sort()).toEqual([1, 2, 3]);
    await zk.stop(joiner.id);
  });

  it("changes a participant to an observer and back", async () => {
    const toObserver = await planReconfig({ ctx: admin(), clusterId, input: { change: "to-observer", id: 3 } });
    expect(toObserver.errors).toEqual([]);
    expect(toObserver.voters).toMatchObject({ after: 2, neededAfter: 2 });
    await applyReconfig({ ctx: admin(), clusterId, input: { change: { change: "to-observer", id: 3 }, fromVersion: toObserver.currentVersion } });
    await until("server 3 to observe", async () => (await modeOf(zk.members[2])) === "observer");
    const back = await planReconfig({ ctx: admin(), clusterId, input: { change: "to-participant", id: 3 } });
    await applyReconfig({ ctx: admin(), clusterId, input: { change: { change: "to-participant", id: 3 }, fromVersion: back.currentVersion } });
    await until("server 3 to vote again", async () => ["follower", "leader"].includes((await modeOf(zk.members[2])) ?? ""));
  });

  it("refuses a change that would lose the quorum", async () => {
    const m3 = zk.members.find((m) => m.id === 3)!;
    await zk.stop(3, "SIGKILL");
    await until("server 3 down", async () => (await modeOf(m3)) === null);
    const plan = await planReconfig({ ctx: admin(), clusterId, input: { change: "to-observer", id: 2 } });
    expect(plan.errors.join(" ")).toMatch(/needs 2 of its 2 voting members, but only 1 are up; the ensemble would lose its quorum/);
    await expect(applyReconfig({ ctx: admin(), clusterId, input: { change: { change: "to-observer", id: 2 }, fromVersion: plan.currentVersion } }))
      .rejects.toMatchObject({ code: "RECONFIG_REFUSED", status: 409 });
    await expect(planReconfig({ ctx: admin(), clusterId, input: { change: "explode", id: 2 } })).rejects.toThrow(/change must be add, remove, to-observer or to-participant/);
  });
});
