// Sessions to a SASL-enforced member (enforce.auth.enabled, enforce.auth.schemes=sasl) with
// DIGEST-MD5: a user and password (no password file). Refusals are typed errors, not sessions
// retrying forever.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDigestMember } from "@/test/secure-zookeeper/members";
import type { SecureMember } from "@/test/secure-zookeeper/server";
import { eventually } from "@/test/support/eventually";
import { closeSession, getClient, type SessionTarget } from "./sessions";

// Long enough that a session retrying until its timeout fails the test by its own time-out.
const SESSION_TIMEOUT_MS = 60_000;
const refusal = (t: SessionTarget) => getClient(t).then(() => null, (e: { code: string; status: number; message: string }) => e);

async function readWriteWatch(t: SessionTarget, node: string) {
  const client = await getClient(t);
  await client.create(node, Buffer.from("v0"), 0);
  const event = new Promise((resolve) => void client.getWatched(node, resolve));
  await client.set(node, Buffer.from("v1"), 0);
  expect(await event).toEqual({ type: "changed", path: node });
  expect((await client.get(node)).data.toString()).toBe("v1");
}

describe("SASL DIGEST-MD5 enforced member", () => {
  let zk: SecureMember;
  const ids: string[] = [];
  const target = (id: string, sasl?: SessionTarget["sasl"]): SessionTarget => (ids.push(id), { id, connectionString: `localhost:${zk.port}`, sessionTimeoutMs: SESSION_TIMEOUT_MS, sasl });

  beforeAll(async () => { zk = await startDigestMember({ console: "console-secret" }); });
  afterAll(async () => {
    ids.forEach(closeSession);
    await zk?.stop();
  });

  it("authenticates with user and password: read, write and a watch event", async () => {
    await readWriteWatch(target("digest-ok", { mechanism: "DIGEST-MD5", username: "console", password: "console-secret" }), "/digest");
  });

  it("reports a wrong password as AUTH_FAILED", async () => {
    const e = await refusal(target("digest-wrong", { mechanism: "DIGEST-MD5", username: "console", password: "not-it" }));
    expect(e).toMatchObject({ code: "AUTH_FAILED", status: 503 });
    expect(e?.message).toMatch(/did not accept the console's credentials: the server rejected the SASL authentication/);
  });

  it("reports a session without SASL as refused by the server's enforce.auth", async () => {
    const client = await getClient(target("digest-none"));
    await expect(client.get("/digest")).rejects.toMatchObject({ code: "SASL_REQUIRED", status: 503 });
    // The worker ends that session at once (the C client would reconnect and be closed again, forever).
    await eventually(async () => expect(await refusal(target("digest-none"))).toMatchObject({ code: "AUTH_FAILED", message: expect.stringMatching(/requires SASL authentication/) }));
  });
});
