import { describe, expect, it } from "vitest";
import { MAX_HOSTS, parseConnectionString } from "./connection-string";

describe("parseConnectionString", () => {
  it("accepts a single host", () => {
    expect(parseConnectionString("zk1:2181")).toEqual({ hosts: [{ host: "zk1", port: 2181 }], chroot: null });
  });

  it("accepts several hosts, IPv4 and fully-qualified names, and trims surrounding whitespace", () => {
    expect(parseConnectionString("  zk1.example.com:2181,10.0.0.2:2182,localhost:2183 ")).toEqual({
      hosts: [
        { host: "zk1.example.com", port: 2181 },
        { host: "10.0.0.2", port: 2182 },
        { host: "localhost", port: 2183 },
      ],
      chroot: null,
    });
  });

  it("accepts a chroot", () => {
    expect(parseConnectionString("zk1:2181,zk2:2181/kafka/prod")).toEqual({
      hosts: [{ host: "zk1", port: 2181 }, { host: "zk2", port: 2181 }],
      chroot: "/kafka/prod",
    });
  });

  it("accepts IPv6 addresses in brackets", () => {
    expect(parseConnectionString("[::1]:2181,[2001:db8::7]:2182/app")).toEqual({
      hosts: [{ host: "[::1]", port: 2181 }, { host: "[2001:db8::7]", port: 2182 }],
      chroot: "/app",
    });
  });

  it("accepts the port bounds 1 and 65535 and exactly MAX_HOSTS hosts", () => {
    expect(parseConnectionString("a:1,b:65535")).not.toHaveProperty("error");
    const many = Array.from({ length: MAX_HOSTS }, (_, i) => `zk${i}:2181`).join(",");
    expect(parseConnectionString(many)).not.toHaveProperty("error");
  });

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["zk1:2181, zk2:2181", /spaces/],
    ["zk1", /not host:port.*port is required/],
    ["zk1:2181,zk2", /"zk2" is not host:port/],
    ["zk1:2181,", /not host:port/],
    [":2181", /not host:port/],
    ["zk1:abc", /not host:port/],
    ["zk1:0", /out of range/],
    ["zk1:70000", /out of range/],
    ["zk_1:2181", /not a valid host name/],
    ["-zk:2181", /not a valid host name/],
    ["zk1:2181/a/", /invalid chroot.*end with \//],
    ["zk1:2181//", /invalid chroot/],
    ["zk1:2181/a//b", /invalid chroot.*empty segment/],
    ["zk1:2181/", /invalid chroot.*same as none/],
    ["zk1:2181/a/../b", /invalid chroot.*relative/],
    [Array.from({ length: MAX_HOSTS + 1 }, (_, i) => `zk${i}:2181`).join(","), /too many hosts \(101\)/],
  ])("rejects %j with a message saying what is wrong", (input, message) => {
    const result = parseConnectionString(input);
    expect(result).toHaveProperty("error");
    expect((result as { error: string }).error).toMatch(message);
  });
});
