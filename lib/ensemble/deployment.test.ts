import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fourLetterWord } from "@/lib/core/zk/four-letter";
import { generateDeployment } from "./generate-deployment";
import { ZK_CLASSPATH } from "./launcher";
import { freePorts } from "./ports";

const hosts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, host: `zk${i + 1}.example.com` }));
const file = (r: ReturnType<typeof generateDeployment>, p: string) => r.files.find((f) => f.path === p)?.content ?? "";
const errorsOf = (input: unknown): string[] => {
  try {
    generateDeployment(input);
    return [];
  } catch (e) {
    return (e as { details?: { errors: string[] } }).details?.errors ?? [(e as Error).message];
  }
};

describe("generateDeployment", () => {
  it("writes zoo.cfg, myid and a systemd unit per member of a 5-member ensemble", () => {
    const r = generateDeployment({ members: hosts(5) });
    expect(r.files.map((f) => f.path).filter((p) => p.startsWith("member-3/")).sort()).toEqual(["member-3/myid", "member-3/zoo.cfg", "member-3/zookeeper.service"]);
    expect(file(r, "member-3/myid")).toBe("3\n");
    const cfg = file(r, "member-3/zoo.cfg");
    for (const line of ["tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=/var/lib/zookeeper", "clientPort=2181", "autopurge.snapRetainCount=3", "autopurge.purgeInterval=24", "admin.serverPort=8080", "4lw.commands.whitelist=ruok,srvr,mntr,conf,cons,wchs,isro,dump,stat,envi"]) {
      expect(cfg.split("\n")).toContain(line);
    }
    for (let i = 1; i <= 5; i++) expect(cfg).toContain(`server.${i}=zk${i}.example.com:2888:3888;2181\n`);
    expect(cfg).not.toContain("clientPortAddress");
    expect(cfg).not.toContain("peerType");
    expect(r.connectionString).toBe(hosts(5).map((h) => `${h.host}:2181`).join(","));
    expect(r.warnings).toEqual([]);
  });

  it("marks observers in every server list and in the observer's own config", () => {
    const r = generateDeployment({ members: hosts(5).map((m) => ({ ...m, observer: m.id === 5 })) });
    expect(file(r, "member-1/zoo.cfg")).toContain("server.5=zk5.example.com:2888:3888:observer;2181\n");
    expect(file(r, "member-5/zoo.cfg")).toContain("peerType=observer\n");
    expect(file(r, "member-1/zoo.cfg")).not.toContain("peerType");
    // 4 voters: warned, not refused.
    expect(r.warnings.join(" ")).toMatch(/4 voting members tolerate 1 failure/);
  });

  it("builds a systemd unit that runs QuorumPeerMain on the member's zoo.cfg and restarts on failure", () => {
    const unit = file(generateDeployment({ members: hosts(3), systemd: { heap: "2g", user: "zk" } }), "member-2/zookeeper.service");
    expect(unit).toContain("Description=Apache ZooKeeper server 2 of 3 (zk2.example.com)");
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/java -Xms2g -Xmx2g .* -cp \/etc\/zookeeper\/conf:\/usr\/share\/java\/\* org\.apache\.zookeeper\.server\.quorum\.QuorumPeerMain \/etc\/zookeeper\/conf\/zoo\.cfg$/m);
    expect(unit).toContain("User=zk\n");
    expect(unit).toContain("Restart=on-failure\n");
    expect(unit).toContain("WantedBy=multi-user.target\n");
  });

  it("puts server lines in a dynamic config file when reconfig is enabled", () => {
    const r = generateDeployment({ members: hosts(3), reconfigEnabled: true });
    const cfg = file(r, "member-1/zoo.cfg");
    expect(cfg).toContain("reconfigEnabled=true\n");
    expect(cfg).toContain("dynamicConfigFile=/etc/zookeeper/conf/zoo.cfg.dynamic\n");
    expect(cfg).not.toMatch(/^server\./m);
    expect(cfg).not.toContain("skipACL=yes");
    expect(file(r, "member-1/zoo.cfg.dynamic")).toBe("server.1=zk1.example.com:2888:3888:participant;2181\nserver.2=zk2.example.com:2888:3888:participant;2181\nserver.3=zk3.example.com:2888:3888:participant;2181\n");
  });

  it("refuses duplicate ids, duplicate host:port pairs and sizes outside 3-9; warns about even sizes", () => {
    expect(errorsOf({ members: [...hosts(2), { id: 2, host: "zk9" }] })).toEqual([expect.stringMatching(/server id 2 is used by 2 members/)]);
    expect(errorsOf({ members: [{ id: 1, host: "a" }, { id: 2, host: "a" }, { id: 3, host: "b" }] })).toContain("a:2181 is used twice (server 1 clientPort and server 2 clientPort); every port on a host must be distinct");
    expect(errorsOf({ members: [{ id: 1, host: "a", quorumPort: 4000, electionPort: 4000 }, { id: 2, host: "b" }, { id: 3, host: "c" }] })).toContain("a:4000 is used twice (server 1 quorumPort and server 1 electionPort); every port on a host must be distinct");
    expect(errorsOf({ members: hosts(2) })).toEqual(["an ensemble has 3 to 9 members; this one has 2"]);
    expect(errorsOf({ members: hosts(11) })).toEqual(["an ensemble has 3 to 9 members; this one has 11"]);
    expect(errorsOf({ members: hosts(3).map((m) => ({ ...m, observer: true })) })).toContain("every member is an observer; an ensemble needs voting members");
    expect(generateDeployment({ members: hosts(4) }).warnings[0]).toMatch(/4 voting members/);
    expect(errorsOf({ members: [{ id: 1, host: "bad host" }] })[0]).toMatch(/host name or an IP address/);
  });

  it("gives members that share a host their own data directory", () => {
    const r = generateDeployment({ members: [1, 2, 3].map((id) => ({ id, host: "10.0.0.1", clientPort: 2180 + id, quorumPort: 2880 + id, electionPort: 3880 + id, adminPort: null })) });
    expect(file(r, "member-2/zoo.cfg")).toContain("dataDir=/var/lib/zookeeper/member-2\n");
    expect(file(r, "member-2/zoo.cfg")).toContain("admin.enableServer=false\n");
    expect(r.warnings.join(" ")).toMatch(/share a host/);
  });
});

describe("a generated configuration boots a real ensemble (3 voters + 1 observer on loopback)", () => {
  const procs: ChildProcess[] = [];
  afterAll(async () => {
    await Promise.all(procs.map((p) => new Promise((r) => { if (p.exitCode !== null) r(null); else { p.once("exit", r); p.kill("SIGKILL"); } })));
  });

  it("elects a leader with two followers and one observer", async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "zk-deploy-"));
    const ports = await freePorts(12);
    const members = [1, 2, 3, 4].map((id, i) => ({ id, host: "127.0.0.1", clientPort: ports[i * 3], quorumPort: ports[i * 3 + 1], electionPort: ports[i * 3 + 2], adminPort: null, observer: id === 4 }));
    const r = generateDeployment({ members, dataDir: path.join(base, "data"), fourLetterWhitelist: "*", tickTime: 500 });
    for (const m of members) {
      const dir = path.join(base, `member-${m.id}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "zoo.cfg"), file(r, `member-${m.id}/zoo.cfg`));
      const dataDir = /^dataDir=(.*)$/m.exec(file(r, `member-${m.id}/zoo.cfg`))![1];
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(path.join(dataDir, "myid"), file(r, `member-${m.id}/myid`));
      const log = fs.openSync(path.join(dir, "server.log"), "a");
      procs.push(spawn("java", ["-Xmx128m", `-Dzookeeper.log.dir=${dir}`, "-cp", ZK_CLASSPATH, "org.apache.zookeeper.server.quorum.QuorumPeerMain", path.join(dir, "zoo.cfg")], { stdio: ["ignore", log, log] }));
      fs.closeSync(log);
    }
    let modes: string[] = [];
    for (let i = 0; i < 240 && !(modes.filter((m) => m === "leader").length === 1 && modes.filter((m) => m === "follower").length === 2 && modes.includes("observer")); i++) {
      await new Promise((res) => setTimeout(res, 250));
      modes = await Promise.all(members.map(async (m) => /Mode: ([\w-]+)/.exec(await fourLetterWord("127.0.0.1", m.clientPort, "srvr", 1000).catch(() => ""))?.[1] ?? "none"));
    }
    expect(modes.sort()).toEqual(["follower", "follower", "leader", "observer"]);
    expect(modes).toHaveLength(4);
  });
});
