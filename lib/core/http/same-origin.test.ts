// The CSRF check's idea of the console's own origin: X-Forwarded-Host/-Proto count only behind
// proxies the operator declared (TRUST_PROXY), else a cross-site page could name its own host there.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { assertSameOrigin } from "./same-origin";

const post = (headers: Record<string, string>) => new NextRequest("http://console.internal:3000/api/v1/clusters", { method: "POST", headers: { host: "console.internal:3000", ...headers } });
const evil = { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

describe("same-origin check and proxy headers", () => {
  afterEach(() => {
    delete process.env.TRUST_PROXY;
  });

  it("without TRUST_PROXY, an Origin matching only the client's X-Forwarded-Host is refused", () => {
    expect(() => assertSameOrigin(post(evil))).toThrow(expect.objectContaining({ code: "CSRF_REFUSED", message: expect.stringMatching(/Origin https:\/\/evil.example is not/) }));
    expect(() => assertSameOrigin(post({ origin: "http://console.internal:3000", "x-forwarded-host": "evil.example" }))).not.toThrow();
  });

  it("behind a declared proxy, the host and scheme it forwards are the console's origin", () => {
    process.env.TRUST_PROXY = "1";
    expect(() => assertSameOrigin(post({ origin: "https://console.example.com", "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https" }))).not.toThrow();
    expect(() => assertSameOrigin(post({ origin: "https://evil.example", "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https" }))).toThrow(expect.objectContaining({ code: "CSRF_REFUSED" }));
  });
});
