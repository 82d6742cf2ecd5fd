// The callback after sign-in: what the browser would resolve to another origin, or cannot parse,
// becomes the default page, on the login page and in next-auth's redirect callback alike.
import { describe, expect, it } from "vitest";
import { authOptionsFor } from "@/lib/auth/options";
import { sameOriginPath } from "./same-origin-path";

const ORIGIN = "http://console.test:3000";
const HOSTILE = [
  "//evil.example", "/\\evil.example", "\\\\evil.example", "/\t/evil.example", "/\n/evil.example", " //evil.example",
  "http://evil.example/clusters", "https://console.test:3000.evil.example/", "javascript:alert(1)", "data:text/html,x",
  "http://console.test:3001/", "https://console.test:3000/", "///evil.example", "/.//evil.example/..//x", "http://[", "http://%zz/",
];

describe("the callback after sign-in", () => {
  it("keeps paths of the console's own origin, normalised as the browser reads them", () => {
    expect(sameOriginPath("/clusters/abc?tab=acl#x", ORIGIN)).toBe("/clusters/abc?tab=acl#x");
    expect(sameOriginPath(`${ORIGIN}/audit`, ORIGIN)).toBe("/audit");
    expect(sameOriginPath("/a/../admin", ORIGIN)).toBe("/admin");
    expect(sameOriginPath("relative", ORIGIN)).toBe("/relative");
  });

  it.each(HOSTILE)("sends %j to the default page", (raw) => {
    const path = sameOriginPath(raw, ORIGIN);
    expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
    expect(path.startsWith("//")).toBe(false);
  });

  it("sends what is missing or not text to the default page", () => {
    for (const raw of [null, undefined, "", 42, {}]) expect(sameOriginPath(raw, ORIGIN)).toBe("/clusters");
  });

  it("next-auth's redirect callback never leaves the origin and never throws on a malformed URL", async () => {
    const redirect = authOptionsFor({ sourceIp: null }).callbacks!.redirect!;
    for (const url of HOSTILE) {
      const to = await redirect({ url, baseUrl: ORIGIN });
      expect(new URL(to).origin, url).toBe(ORIGIN);
      expect(new URL(to).pathname.startsWith("//"), url).toBe(false);
    }
    expect(await redirect({ url: `${ORIGIN}/clusters/x`, baseUrl: ORIGIN })).toBe(`${ORIGIN}/clusters/x`);
  });
});
