import { describe, expect, it } from "vitest";
import { parseIpAllowlist } from "./ip-allowlist";

describe("parseIpAllowlist (METRICS_ALLOW)", () => {
  it("allows addresses and CIDR ranges of both families, nothing when empty or unknown", () => {
    const list = parseIpAllowlist(" 127.0.0.1/32, 10.0.0.0/8 ,::1, fd00::/8", "METRICS_ALLOW");
    expect(["127.0.0.1", "10.200.3.4", "::1", "fd12::1"].map(list.allows)).toEqual([true, true, true, true]);
    expect(["127.0.0.2", "11.0.0.1", "::2", "fe80::1", "", null, "not-an-ip"].map(list.allows)).toEqual([false, false, false, false, false, false, false]);
    expect(parseIpAllowlist(undefined, "METRICS_ALLOW").allows("127.0.0.1")).toBe(false);
  });

  it("refuses a bad entry, naming it and the variable", () => {
    for (const bad of ["localhost", "10.0.0.0/33", "::1/129", "10.0.0.1/8/1", "10.0.0.0/x", "300.1.1.1"]) {
      expect(() => parseIpAllowlist(`127.0.0.1,${bad}`, "METRICS_ALLOW"), bad).toThrow(`METRICS_ALLOW: ${JSON.stringify(bad)} is not an IP address or CIDR range`);
    }
  });
});
