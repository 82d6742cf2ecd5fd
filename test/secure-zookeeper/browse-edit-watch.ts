// Register → browse, edit and see the edit as a live event, all through the product's routes (the
// routes a browser calls, with a real session cookie): what every secured kind of cluster must do.
import { NextRequest } from "next/server";
import { expect } from "vitest";
import * as eventsRoute from "@/app/api/v1/clusters/[id]/events/route";
import { send } from "../proving/send";
import { sessionCookie, TEST_ORIGIN } from "../support/auth";
import { SseReader } from "../watch/sse-reader";

export async function browseEditWatch(userId: string, clusterId: string, node: string) {
  const znode = `/api/v1/clusters/${clusterId}/znode`;
  expect((await send("POST", znode, { userId, query: { path: node }, json: { data: "v0" } })).status).toBe(201);
  const listed = await send("GET", `/api/v1/clusters/${clusterId}/children`, { userId, query: { path: "/" } });
  expect(listed.status).toBe(200);
  expect(listed.json.children).toContain(node.slice(1));
  const abort = new AbortController();
  const req = new NextRequest(new URL(`/api/v1/clusters/${clusterId}/events?path=${encodeURIComponent(node)}`, TEST_ORIGIN), {
    headers: { accept: "text/event-stream", "sec-fetch-site": "same-origin", cookie: await sessionCookie(userId) }, signal: abort.signal,
  });
  const res = await eventsRoute.GET(req, { params: Promise.resolve({ id: clusterId }) });
  expect(res.status).toBe(200);
  const reader = new SseReader(res.body!);
  try {
    await reader.waitFor((e) => e.type === "resync" && e.path === node, { what: "the first resync" });
    const set = await send("PUT", znode, { userId, query: { path: node }, json: { data: "v1", version: 0 } });
    expect(set.status).toBe(200);
    const event = await reader.waitFor((e) => e.type === "dataChanged" && e.path === node, { what: "the live dataChanged event" });
    expect(event.stat).toMatchObject({ version: 1 });
    expect((await send("GET", znode, { userId, query: { path: node } })).json.data.text).toBe("v1");
  } finally {
    abort.abort();
    await reader.cancel();
  }
}
