// CLUSTER_HOST_ALLOWLIST: globs and ranges, the tricks that must not pass, and refusals that name the rule.
import { describe, expect, it } from "vitest";
import { assertHostsAllowed, hostRefusal, parseHostAllowlist } from "./host-allowlist";

const list = parseHostAllowlist("127.0.0.0/8, ::1, localhost, *.zk.internal, zk?.prod.example, 10.20.0.0/16, fd12:3456::/32")!;

describe("CLUSTER_HOST_ALLOWLIST", () => {
  it("is off when unset or empty", async () => {
    expect(parseHostAllowlist(undefined)).toBeNull();
    expect(parseHostAllowlist(" , ")).toBeNull();
    await expect(assertHostsAllowed("169.254.169.254:2181", {} as NodeJS.ProcessEnv)).resolves.toBeUndefined();
  });

  it.each([
    "127.0.0.1", "127.9.9.9", "[::1]", "localhost", "LOCALHOST", "zk1.zk.internal", "a.b.zk.internal", "zk1.prod.example", "10.20.3.4", "[fd12:3456::9]", "[::ffff:10.20.0.1]",
  ])("admits %s", async (host) => {
    expect(await hostRefusal(list, host)).toBeNull();
  });

  it.each([
    ["169.254.169.254", /169.254.169.254 is not in/],
    ["10.0.0.1", /10.0.0.1 is not in/],
    ["10.21.0.1", /10.21.0.1 is not in/],
    ["192.168.1.1", /192.168.1.1 is not in/],
    ["[fd00::1]", /fd00::1 is not in/],
    ["[::ffff:169.254.169.254]", /is not in/],
    ["zk.internal.evil.example", /not in CLUSTER_HOST_ALLOWLIST/],
    ["zk12.prod.example", /not in CLUSTER_HOST_ALLOWLIST/],
    ["evilzk.internal", /not in CLUSTER_HOST_ALLOWLIST/],
    ["2852039166", /resolves to 169.254.169.254|not in CLUSTER_HOST_ALLOWLIST/],
  ])("refuses %s", async (host, why) => {
    expect(await hostRefusal(list, host)).toMatch(why);
  });

  it("admits a name by the addresses it resolves to when only ranges are listed", async () => {
    const ranges = parseHostAllowlist("127.0.0.0/8,::1/128")!;
    expect(await hostRefusal(ranges, "localhost")).toBeNull();
    expect(await hostRefusal(parseHostAllowlist("10.0.0.0/8")!, "localhost")).toMatch(/localhost resolves to .*outside CLUSTER_HOST_ALLOWLIST/);
  });

  it("refuses a connection string when any host is outside, naming host and rule", async () => {
    const env = { CLUSTER_HOST_ALLOWLIST: "127.0.0.0/8" } as unknown as NodeJS.ProcessEnv;
    await expect(assertHostsAllowed("127.0.0.1:2181,127.0.0.2:2181/chroot", env)).resolves.toBeUndefined();
    await expect(assertHostsAllowed("127.0.0.1:2181,10.1.1.1:2181", env)).rejects.toMatchObject({
      status: 400, code: "HOST_NOT_ALLOWED", message: expect.stringMatching(/10.1.1.1 is not in CLUSTER_HOST_ALLOWLIST.*rule: the console connects only to hosts the operator allowed: 127.0.0.0\/8/),
    });
  });

  it.each(["10.0.0.0/33", "fd00::/200", "http://zk1", "zk1:2181", "a b"])("rejects the misconfigured entry %s with a sentence", (entry) => {
    expect(() => parseHostAllowlist(entry)).toThrow(/CLUSTER_HOST_ALLOWLIST entry/);
  });
});
