// Parsers against REAL answers of ZooKeeper 3.8 captured by scripts/capture-4lw.ts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyAnswer, whitelistFix } from "./four-letter-answer";
import { parseConf } from "./parse-conf";
import { parseAdminConnections, parseCons } from "./parse-cons";
import { parseDump } from "./parse-dump";
import { parseMntr, summarizeMonitorJson } from "./parse-mntr";
import { clientAddressOf, parseMembership } from "./parse-server-lines";
import { parseSrvr } from "./parse-srvr";
import { parseWchs } from "./parse-wchs";
import { parseZxid, zxidLag } from "./zxid";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const VERSION = "3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC";

describe("srvr", () => {
  it("reads a standalone server", () => {
    expect(parseSrvr(fixture("standalone-srvr.txt"))).toEqual({
      version: VERSION, latency: { min: 0, avg: 4.5556, max: 19 }, received: 12, sent: 11, connections: 2, outstanding: 0,
      zxid: { hex: "0x5", epoch: 0, counter: 5 }, mode: "standalone", nodeCount: 9, readOnly: false,
    });
  });

  it("reads leader, follower and observer modes and the zxid epoch", () => {
    const leader = parseSrvr(fixture("leader-srvr.txt"));
    expect(leader).toMatchObject({ mode: "leader", zxid: { hex: "0x10000000a", epoch: 1, counter: 10 }, nodeCount: 13, latency: { min: 0, avg: 2, max: 8 } });
    expect(parseSrvr(fixture("follower-srvr.txt"))).toMatchObject({ mode: "follower", zxid: { epoch: 1, counter: 10 } });
    expect(parseSrvr(fixture("observer-srvr.txt"))).toMatchObject({ mode: "observer", zxid: { hex: "0x0", epoch: 0, counter: 0 } });
    expect(parseSrvr(fixture("standalone-stat.txt"))).toMatchObject({ mode: "standalone", nodeCount: 9 });
  });

  it("reads a read-only member", () => {
    expect(parseSrvr(fixture("readonly-srvr.txt"))).toMatchObject({ mode: "read-only", readOnly: true, nodeCount: 5 });
    expect(fixture("readonly-isro.txt")).toBe("ro");
    expect(fixture("leader-isro.txt")).toBe("rw");
  });
});

describe("mntr and the AdminServer monitor", () => {
  it("summarizes a leader, with its followers", () => {
    expect(parseMntr(fixture("leader-mntr.txt"))).toEqual({
      version: VERSION, mode: "leader", latency: { min: 0, avg: 2, max: 8 }, outstanding: 0, znodeCount: 13, watchCount: 3,
      ephemerals: 4, dataSize: 394, openFds: 275, maxFds: 20000, connections: 2,
      learners: 2, syncedFollowers: 2, syncedObservers: 0, pendingSyncs: 0, quorumSize: 3,
    });
  });

  it("has no follower counts on a follower, standalone or observer", () => {
    expect(parseMntr(fixture("follower-mntr.txt"))).toMatchObject({ mode: "follower", learners: null, syncedFollowers: null, latency: { avg: 3.2222, max: 11 } });
    expect(parseMntr(fixture("standalone-mntr.txt"))).toMatchObject({ mode: "standalone", ephemerals: 2, dataSize: 115, quorumSize: null });
    expect(parseMntr(fixture("observer-mntr.txt"))).toMatchObject({ mode: "observer", connections: 1 });
  });

  it("reads the same fields from the AdminServer's monitor JSON", () => {
    const admin = summarizeMonitorJson(JSON.parse(fixture("leader-admin-monitor.json")));
    expect(admin).toMatchObject({ version: VERSION, mode: "leader", learners: 2, syncedFollowers: 2, maxFds: 20000 });
    expect(admin.znodeCount).toBeGreaterThan(0);
    expect(summarizeMonitorJson(JSON.parse(fixture("follower-admin-monitor.json")))).toMatchObject({ mode: "follower", syncedFollowers: null });
  });
});

describe("answers that are not data", () => {
  it("recognises a word refused by the whitelist and says how to fix it", () => {
    expect(classifyAnswer(fixture("restricted-mntr.txt"))).toBe("not-whitelisted");
    expect(classifyAnswer(fixture("restricted-cons.txt"))).toBe("not-whitelisted");
    expect(classifyAnswer(fixture("restricted-srvr.txt"))).toBe("ok");
    expect(whitelistFix(["mntr", "cons"])).toContain("4lw.commands.whitelist=*");
  });

  it("recognises a member that lost its quorum", () => {
    expect(classifyAnswer(fixture("notserving-srvr.txt"))).toBe("not-serving");
    expect(classifyAnswer(fixture("notserving-mntr.txt"))).toBe("not-serving");
    expect(fixture("notserving-ruok.txt")).toBe("imok");
    expect(classifyAnswer("")).toBe("empty");
  });
});

describe("conf and the dynamic config", () => {
  it("reads a participant's settings and its static membership (no client addresses)", () => {
    const conf = parseConf(fixture("leader-conf.txt"));
    expect(conf.serverId).toBe(3);
    expect(conf.observer).toBe(false);
    expect(conf.settings.tickTime).toBe("2000");
    expect(conf.membership?.version).toBe("0");
    expect(conf.membership?.servers.map((s) => [s.id, s.role, s.clientPort])).toEqual([[1, "participant", null], [2, "participant", null], [3, "participant", null]]);
  });

  it("reads an observer", () => {
    const conf = parseConf(fixture("observer-conf.txt"));
    expect(conf.observer).toBe(true);
    expect(conf.membership?.servers.find((s) => s.id === 4)?.role).toBe("observer");
  });

  it("has no membership on a standalone server", () => {
    const conf = parseConf(fixture("standalone-conf.txt"));
    expect(conf.membership).toBeNull();
    expect(conf.serverId).toBe(0);
  });

  it("reads client addresses from a dynamic config, in conf and in /zookeeper/config", () => {
    const conf = parseConf(fixture("dynamic-conf.txt"));
    const data = parseMembership(fixture("dynamic-zookeeper-config.txt"));
    expect(data.version).toBe("100000000");
    expect(data.servers).toEqual(conf.membership?.servers);
    const first = data.servers[0];
    expect(first).toMatchObject({ id: 1, host: "127.0.0.1", role: "participant", clientHost: "127.0.0.1" });
    expect(clientAddressOf(first)).toEqual({ host: "127.0.0.1", port: conf.clientPort });
  });
});

describe("cons, wchs and dump", () => {
  it("lists connections with session, timeout, counters and last operation", () => {
    const cons = parseCons(fixture("follower-cons.txt"));
    const session = cons.find((c) => c.sessionId);
    expect(session).toMatchObject({ client: "127.0.0.1:50678", sessionId: "0x1000012aac20000", timeoutMs: 30000, queued: 0, received: 9, sent: 9, lastOperation: "GETD", maxLatencyMs: 11 });
    expect(cons.find((c) => !c.sessionId)).toMatchObject({ client: "127.0.0.1:50742", received: 1 });
  });

  it("reads the AdminServer's connections without losing session id precision", () => {
    const [c] = parseAdminConnections(fixture("standalone-admin-connections.json"));
    const fromCons = parseCons(fixture("standalone-cons.txt")).find((x) => x.sessionId)!;
    expect(c.sessionId).toBe(fromCons.sessionId);
    expect(c).toMatchObject({ client: fromCons.client, timeoutMs: 30000, lastOperation: "GETD" });
  });

  it("sums up watches", () => {
    expect(parseWchs(fixture("leader-wchs.txt"))).toEqual({ connections: 1, paths: 2, watches: 2 });
    expect(parseWchs(fixture("restricted-mntr.txt"))).toBeNull();
  });

  it("groups ephemerals by owner session on the leader and on a follower", () => {
    const leader = parseDump(fixture("leader-dump.txt"));
    expect(leader.ephemerals).toEqual([
      { sessionId: "0x1000012aac20000", paths: ["/via-follower/eph-via-follower", "/via-follower/lock-0000000002"] },
      { sessionId: "0x3000012aacf0000", paths: ["/via-leader/eph-via-leader", "/via-leader/lock-0000000002"] },
    ]);
    expect(leader.sessions.map((s) => s.id).sort()).toEqual(["0x1000012aac20000", "0x3000012aacf0000"]);
    const follower = parseDump(fixture("follower-dump.txt"));
    expect(follower.sessions).toContainEqual({ id: "0x1000012aac20000", timeoutMs: 30000 });
    expect(follower.ephemerals).toEqual(leader.ephemerals);
    expect(follower.connections).toEqual([{ client: "127.0.0.1:50678", sessionId: "0x1000012aac20000" }]);
    expect(parseDump(fixture("standalone-dump.txt")).ephemerals[0].paths).toEqual(["/solo/eph-solo", "/solo/lock-0000000002"]);
  });
});

describe("zxid", () => {
  it("splits epoch and counter and measures lag", () => {
    expect(parseZxid("0x10000000a")).toEqual({ hex: "0x10000000a", epoch: 1, counter: 10 });
    expect(parseZxid(4294967306)).toEqual(parseZxid("0x10000000a"));
    expect(parseZxid("garbage")).toBeNull();
    expect(zxidLag(parseZxid("0x10000000a")!, parseZxid("0x100000003")!)).toEqual({ transactions: 7, epochs: 0 });
    expect(zxidLag(parseZxid("0x200000001")!, parseZxid("0x10000000a")!)).toEqual({ transactions: null, epochs: 1 });
  });
});
