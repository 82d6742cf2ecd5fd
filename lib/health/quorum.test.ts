import { describe, expect, it } from "vitest";
import type { MemberHealth } from "./member-health";
import { quorumView } from "./quorum";
import { zxidLagView } from "./lag";
import { parseZxid } from "./zxid";

const member = (id: number, extra: Partial<MemberHealth> = {}): MemberHealth => ({
  address: `zk${id}:2181`, host: `zk${id}`, clientPort: 2181, serverId: id, role: "participant", sources: ["connection-string"], state: "up",
  error: null, notWhitelisted: [], fix: null, source: "4lw", mode: "follower", readOnly: false, version: "3.8.0", zxid: parseZxid("0x100000010"),
  latency: null, outstanding: 0, znodeCount: 5, watchCount: 0, ephemerals: 0, dataSize: 0, openFds: 1, maxFds: 10, connections: 1,
  learners: null, syncedFollowers: null, syncedObservers: null, pendingSyncs: null, quorumSize: 3, watches: null, probedAt: "", ...extra,
});

describe("quorumView", () => {
  it("a healthy 3-member ensemble tolerates one failure and names its leader", () => {
    const q = quorumView([member(1, { mode: "leader" }), member(2), member(3)]);
    expect(q).toMatchObject({ status: "ok", voters: 3, votersUp: 3, needed: 2, tolerates: 1, leader: { address: "zk1:2181", serverId: 1 } });
    expect(q.summary).toContain("tolerates 1 more failure;");
  });

  it("one member down of three: at risk", () => {
    const q = quorumView([member(1, { mode: "leader" }), member(2), member(3, { state: "down", mode: null })]);
    expect(q).toMatchObject({ status: "at-risk", votersUp: 2, tolerates: 0 });
  });

  it("two of three down: lost, and a 5-member ensemble with two down still tolerates none", () => {
    expect(quorumView([member(1, { state: "not-serving", mode: null }), member(2, { state: "down", mode: null }), member(3, { state: "down", mode: null })]).status).toBe("lost");
    const five = quorumView([member(1, { mode: "leader" }), member(2), member(3), member(4, { state: "down", mode: null }), member(5, { state: "down", mode: null })]);
    expect(five).toMatchObject({ status: "at-risk", needed: 3, votersUp: 3, tolerates: 0 });
  });

  it("observers do not vote", () => {
    const q = quorumView([member(1, { mode: "leader" }), member(2), member(3), member(4, { role: "observer", mode: "observer" })]);
    expect(q).toMatchObject({ voters: 3, observers: 1, observersUp: 1, needed: 2 });
  });

  it("counts followers only the leader can see", () => {
    const q = quorumView([member(1, { mode: "leader", syncedFollowers: 2 }), member(2, { state: "unknown", mode: null }), member(3, { state: "unknown", mode: null })]);
    expect(q).toMatchObject({ status: "ok", votersUp: 3 });
  });

  it("a standalone server", () => {
    expect(quorumView([member(1, { mode: "standalone", role: null })]).status).toBe("standalone");
    expect(quorumView([member(1, { mode: null, role: null, state: "down" })]).status).toBe("down");
  });
});

describe("zxidLagView", () => {
  it("shows how far followers are behind the leader", () => {
    const rows = zxidLagView([member(1, { mode: "leader", zxid: parseZxid("0x100000010") }), member(2, { zxid: parseZxid("0x10000000c") }), member(3, { zxid: parseZxid("0x0") })]);
    expect(rows).toEqual([
      { address: "zk2:2181", serverId: 2, mode: "follower", zxid: "0x10000000c", transactionsBehind: 4, epochsBehind: 0 },
      { address: "zk3:2181", serverId: 3, mode: "follower", zxid: "0x0", transactionsBehind: null, epochsBehind: 1 },
    ]);
  });
});
