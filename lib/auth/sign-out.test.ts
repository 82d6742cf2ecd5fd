// Signing out ends that session on the server at once: its cookie (a copy included) is refused
// by the API, its live stream ends with a last "closed" event, the user's other sessions go on.
// A session from before session ids ends with every session of the user.
import { randomUUID } from "node:crypto";
import { encode, type JWT } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/v1/clusters/[id]/events/route";
import * as clustersRoute from "@/app/api/v1/clusters/route";
import { actorForToken } from "@/lib/access/session";
import { createCluster } from "@/lib/clusters/registry";
import { db } from "@/lib/core/db/client";
import { closeSession, getClient } from "@/lib/core/zk/sessions";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { configureWatchHub, resetWatchHubOptions } from "@/lib/watch";
import { makeUser, TEST_ORIGIN, TEST_SECRET } from "@/test/support/auth";
import { SseReader } from "@/test/watch/sse-reader";
import { authOptionsFor } from "./options";

describe("sign-out", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  const signOut = (token: JWT) => authOptionsFor({ sourceIp: "10.0.0.9" }).events!.signOut!({ token, session: null as never });
  const session = (uid: string, sid: string | null = randomUUID()): JWT => ({ uid, sub: uid, loginAt: Date.now(), ...(sid ? { sid } : {}), exp: Math.floor(Date.now() / 1000) + 3600 });
  const cookieOf = async (token: JWT) => {
    process.env.NEXTAUTH_SECRET ??= TEST_SECRET;
    return `next-auth.session-token=${await encode({ token, secret: process.env.NEXTAUTH_SECRET })}`;
  };
  const headers = async (token: JWT) => ({ accept: "application/json", "sec-fetch-site": "same-origin", cookie: await cookieOf(token) });
  const listClusters = async (token: JWT) => (await clustersRoute.GET(new NextRequest(new URL("/api/v1/clusters", TEST_ORIGIN), { headers: await headers(token) }), { params: Promise.resolve({}) } as never)).status;

  beforeAll(async () => {
    configureWatchHub({ lingerMs: 0 });
    zk = await startEnsemble({ size: 1 });
    const raw = await getClient({ id: "signout-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000 });
    await raw.create("/watched", Buffer.from(""), 0);
    closeSession("signout-raw");
    clusterId = (await createCluster({ name: `signout-${Date.now()}`, connectionString: zk.connectionString })).id;
  });
  afterAll(async () => {
    resetWatchHubOptions();
    closeSession(clusterId);
    await zk?.stopAll();
  });

  it("refuses the signed-out session's cookie and ends its live stream at once; the user's other session goes on", async () => {
    const user = await makeUser("viewer");
    const [laptop, phone] = [session(user.id), session(user.id)];
    expect(await listClusters(laptop)).toBe(200);
    const req = new NextRequest(new URL(`/api/v1/clusters/${clusterId}/events?path=/watched`, TEST_ORIGIN), { headers: { ...(await headers(laptop)), accept: "text/event-stream" } });
    const res = await eventsRoute.GET(req, { params: Promise.resolve({ id: clusterId }) });
    expect(res.status).toBe(200);
    const reader = new SseReader(res.body!);
    await reader.waitFor((e) => e.type === "state");

    await signOut(laptop);
    const closed = await reader.waitFor((e) => e.type === "closed", { timeoutMs: 10_000, what: "the closed event after sign-out" });
    expect(closed.reason).toMatch(/session or token has ended/);
    expect(await listClusters(laptop)).toBe(401);
    expect(await actorForToken(laptop)).toBeNull();
    expect(await actorForToken(phone)).not.toBeNull();
    expect(await listClusters(phone)).toBe(200);
    expect(await db().auditRecord.findFirst({ where: { operation: "logout", actorId: user.id } })).toMatchObject({ outcome: "ok", sourceIp: "10.0.0.9" });
    await reader.cancel();
  });

  it("ends every session of the user when the signed-out session has no id (issued before session ids)", async () => {
    const user = await makeUser("viewer");
    const [old, other] = [session(user.id, null), session(user.id)];
    await new Promise((r) => setTimeout(r, 5));
    await signOut(old);
    expect(await actorForToken(old)).toBeNull();
    expect(await actorForToken(other)).toBeNull();
  });
});
