// A path under /api/ that no route serves answers JSON, never a page: 401 without a session, 404
// naming the method and path with one (app/api/[...path]/route.ts, which Next.js picks only when no
// other route matches).
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as unknown from "@/app/api/[...path]/route";
import { makeUser, sessionCookie, TEST_ORIGIN } from "../support/auth";

const call = async (method: "GET" | "DELETE", path: string, cookie?: string) => {
  const headers: Record<string, string> = { accept: "application/json", "sec-fetch-site": "same-origin", ...(cookie ? { cookie } : {}) };
  const res = await unknown[method](new NextRequest(new URL(path, TEST_ORIGIN), { method, headers }), { params: Promise.resolve({ path: path.split("/").slice(2) }) });
  return { status: res.status, type: res.headers.get("content-type"), body: await res.json() };
};

describe("unknown /api paths", () => {
  it("answer a JSON 401 without a session and a JSON 404 naming the path with one", async () => {
    expect(await call("GET", "/api/v1/no-such-route")).toMatchObject({ status: 401, type: expect.stringMatching(/^application\/json/), body: { error: { code: "UNAUTHENTICATED" } } });
    const cookie = await sessionCookie((await makeUser("viewer")).id);
    expect(await call("DELETE", "/api/v1/clusters/x/no-such-verb", cookie)).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND", message: expect.stringContaining("no API route answers DELETE /api/v1/clusters/x/no-such-verb") } } });
  });
});
