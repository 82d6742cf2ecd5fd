import { describe, expect, it } from "vitest";
import { aclIdProblem } from "@/lib/core/zk/acl-ids";
import { isIpv6 } from "@/lib/core/ip-address";
import { digestId } from "@/lib/core/zk/digest";
import { identitiesOf } from "@/lib/access/session-identities";
import { entryMatches, lockoutOf, sessionPerms } from "@/lib/access/mutations/acl-lockout";
import { permBits, permLetters } from "@/lib/core/zk/perms";
import { aclInput, setAclInput } from "./schema";

describe("ACL ids per scheme", () => {
  it.each([
    ["world", "anyone"], ["auth", ""], ["auth", "ignored"], ["digest", digestId("alice", "secret")],
    ["ip", "10.0.0.5"], ["ip", "10.0.0.0/8"], ["ip", "0.0.0.0/0"], ["ip", "fd00::/8"], ["ip", "::1"], ["ip", "2001:db8::ff00:42:8329"], ["ip", "::ffff:10.0.0.1"],
    ["x509", "CN=client,OU=ops,O=Example"], ["x509", "CN=a\\,b,O=x"], ["sasl", "zkclient"], ["sasl", "zk/host.example.com@EXAMPLE.COM"],
  ])("accepts %s:%s", (scheme, id) => expect(aclIdProblem(scheme, id)).toBeNull());

  it.each([
    ["world", "nobody", /exactly one id/], ["digest", "alice:short", /28 base64/], ["digest", "alice", /28 base64/], ["digest", "al ice:" + "A".repeat(27) + "=", /28 base64/],
    ["ip", "10.0.0.256", /not an IPv4 or IPv6/], ["ip", "10.0.0.0/33", /0–32/], ["ip", "fd00::/129", /0–128/], ["ip", "1:2:3:4:5:6:7:8:9", /not an IPv4/], ["ip", "a/1/2", /more than one/],
    ["x509", "just a name", /distinguished name/], ["sasl", "a b", /principal/], ["kerberos", "x", /unknown ACL scheme/],
  ])("refuses %s:%s naming the rule", (scheme, id, rule) => expect(aclIdProblem(scheme, id)).toMatch(rule));

  it("parses IPv6 forms", () => {
    expect(isIpv6("::")).toBe(true);
    expect(isIpv6("1::2::3")).toBe(false);
    expect(isIpv6("12345::")).toBe(false);
  });
});

describe("ACL input", () => {
  it("turns perms letters into ZooKeeper bits and auth ids into empty ones", () => {
    expect(aclInput.parse([{ scheme: "world", id: "anyone", perms: "cdrwa" }, { scheme: "auth", id: "x", perms: "-dr--" }])).toEqual([
      { scheme: "world", id: "anyone", perms: 31 },
      { scheme: "auth", id: "", perms: 9 },
    ]);
    expect(permBits("ra")).toBe(17);
    expect(permLetters(17)).toBe("--r-a");
  });

  it("names the broken rule: empty ACL, no perms, bad letters, duplicates, missing aversion", () => {
    expect(() => aclInput.parse([])).toThrow(/at least one entry/);
    expect(() => aclInput.parse([{ scheme: "world", id: "anyone", perms: "" }])).toThrow(/at least one permission/);
    expect(() => aclInput.parse([{ scheme: "world", id: "anyone", perms: "rx" }])).toThrow(/only contain the letters/);
    expect(() => aclInput.parse([{ scheme: "world", id: "anyone", perms: "r" }, { scheme: "world", id: "anyone", perms: "w" }])).toThrow(/repeats world:anyone/);
    expect(() => setAclInput.parse({ acl: [{ scheme: "world", id: "anyone", perms: "r" }] })).toThrow(/aversion is required/);
  });
});

describe("the digest helper", () => {
  it("matches ZooKeeper's DigestAuthenticationProvider (known value)", () => {
    // zkCli: addauth digest alice:secret, then getAcl of an auth::cdrwa node shows this id.
    expect(digestId("alice", "secret")).toBe("alice:aYXlLOpEooaV1cRAvUL1fp9Qt7E=");
    expect(digestId("bob", "pa:ss")).toMatch(/^bob:[A-Za-z0-9+/]{27}=$/);
  });
});

describe("the lockout guard's matching", () => {
  const alice = digestId("alice", "secret");
  const loopback = identitiesOf({ connectionString: "127.0.0.1:2181", auth: [{ scheme: "digest", credential: "alice:secret" }] });
  const remote = identitiesOf({ connectionString: "zk1.example.com:2181" });

  it("knows the session's identities: world, loopback ip, digest credentials", () => {
    expect(loopback).toEqual([
      { scheme: "world", id: "anyone", authenticated: false },
      { scheme: "ip", id: "127.0.0.1", authenticated: false },
      { scheme: "digest", id: alice, authenticated: true },
    ]);
    expect(remote.map((i) => i.scheme)).toEqual(["world"]); // remote address unknown: no ip identity
  });

  it("matches world, auth (with a credential), digest, ip ranges over loopback; never x509/sasl", () => {
    expect(entryMatches({ scheme: "world", id: "anyone" }, remote)).toBe(true);
    expect(entryMatches({ scheme: "auth", id: "" }, loopback)).toBe(true);
    expect(entryMatches({ scheme: "auth", id: "" }, remote)).toBe(false);
    expect(entryMatches({ scheme: "digest", id: alice }, loopback)).toBe(true);
    expect(entryMatches({ scheme: "digest", id: digestId("alice", "other") }, loopback)).toBe(false);
    expect(entryMatches({ scheme: "ip", id: "127.0.0.0/8" }, loopback)).toBe(true);
    expect(entryMatches({ scheme: "ip", id: "127.0.0.1" }, loopback)).toBe(true);
    expect(entryMatches({ scheme: "ip", id: "10.0.0.0/8" }, loopback)).toBe(false);
    expect(entryMatches({ scheme: "ip", id: "0.0.0.0/0" }, remote)).toBe(false); // conservative: address unknown
    expect(entryMatches({ scheme: "x509", id: "CN=console" }, loopback)).toBe(false);
  });

  it("reports what the session would lose", () => {
    const current = [{ scheme: "world", id: "anyone", perms: 31 }];
    expect(lockoutOf("/x", [{ scheme: "digest", id: alice, perms: 16 }], current, loopback)).toBeNull();
    expect(lockoutOf("/x", [{ scheme: "world", id: "anyone", perms: 1 }], current, loopback)).toMatchObject({ lost: ["create", "delete", "write", "admin"] });
    expect(sessionPerms([{ scheme: "world", id: "anyone", perms: 1 }, { scheme: "digest", id: alice, perms: 2 }], loopback)).toBe(3);
  });
});
