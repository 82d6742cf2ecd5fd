import { describe, expect, it } from "vitest";
import { connectionStringOf, zooCfg, type MemberSpec } from "./config";

const member = (id: number, extra: Partial<MemberSpec> = {}): MemberSpec => ({
  id,
  host: "127.0.0.1",
  clientPort: 21810 + id,
  quorumPort: 28880 + id,
  electionPort: 38880 + id,
  dataDir: `/tmp/zk/member-${id}/data`,
  ...extra,
});

const settings = (cfg: string) =>
  Object.fromEntries(cfg.split("\n").filter((l) => l && !l.startsWith("#")).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));

describe("zooCfg", () => {
  const members = [member(1), member(2), member(3)];

  it("lists every member of a 3-member ensemble as server.N=host:quorum:election", () => {
    const cfg = zooCfg(members[1], members);
    expect(cfg).toContain("server.1=127.0.0.1:28881:38881\n");
    expect(cfg).toContain("server.2=127.0.0.1:28882:38882\n");
    expect(cfg).toContain("server.3=127.0.0.1:28883:38883\n");
    expect(cfg.match(/^server\.\d+=/gm)).toHaveLength(3);
    expect(settings(cfg).standaloneEnabled).toBe("false");
  });

  it("uses the member's own client port, address and data dir", () => {
    const s = settings(zooCfg(members[1], members));
    expect(s.clientPort).toBe("21812");
    expect(s.clientPortAddress).toBe("127.0.0.1");
    expect(s.dataDir).toBe("/tmp/zk/member-2/data");
  });

  it("whitelists all four-letter words (the launcher and health checks use srvr/ruok)", () => {
    expect(settings(zooCfg(members[0], members))["4lw.commands.whitelist"]).toBe("*");
  });

  it("disables the AdminServer when no admin port is given, and binds it when one is", () => {
    const without = settings(zooCfg(members[0], members));
    expect(without["admin.enableServer"]).toBe("false");
    expect(without["admin.serverPort"]).toBeUndefined();

    const withAdmin = settings(zooCfg(member(1, { adminPort: 9090 }), members));
    expect(withAdmin["admin.serverPort"]).toBe("9090");
    expect(withAdmin["admin.serverAddress"]).toBe("127.0.0.1");
    expect(withAdmin["admin.enableServer"]).toBeUndefined();
  });

  it("writes no server lines for a standalone server", () => {
    const cfg = zooCfg(members[0], [members[0]]);
    expect(cfg).not.toMatch(/^server\./m);
    expect(cfg).not.toContain("standaloneEnabled");
  });

  it("marks observers and applies options", () => {
    const withObserver = [...members, member(4, { observer: true })];
    const cfg = zooCfg(withObserver[0], withObserver, { tickTime: 500, reconfigEnabled: true, extendedTypesEnabled: true, extra: { "jute.maxbuffer": "4194304" } });
    expect(cfg).toContain("server.4=127.0.0.1:28884:38884:observer\n");
    const s = settings(cfg);
    expect(s.tickTime).toBe("500");
    expect(s.reconfigEnabled).toBe("true");
    expect(s.extendedTypesEnabled).toBe("true");
    expect(s["jute.maxbuffer"]).toBe("4194304");
  });

  it("builds the client connection string from all members", () => {
    expect(connectionStringOf(members)).toBe("127.0.0.1:21811,127.0.0.1:21812,127.0.0.1:21813");
  });
});
