// A registered cluster and its decrypted credentials are kept in memory with the session keyed
// by cluster id; a changed connection string or credential set means the very next call runs on
// a new session (through the API, or a direct database write as another instance would make).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as clusterRoute from "@/app/api/v1/clusters/[id]/route";
import * as credentialsRoute from "@/app/api/v1/clusters/[id]/credentials/route";
import * as credentialRoute from "@/app/api/v1/clusters/[id]/credentials/[credentialId]/route";
import * as znodeRoute from "@/app/api/v1/clusters/[id]/znode/route";
import { db } from "@/lib/core/db/client";
import { digestId } from "@/lib/core/zk/digest";
import { closeSession, getClient, sessionStatus } from "@/lib/core/zk/sessions";
import { createCluster } from "@/lib/clusters/registry";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { callRoute, makeUser } from "@/test/support/auth";
import { TEST_CREDENTIAL_KEY } from "@/test/support/credentials-test-key";

describe("cluster sessions follow the registry", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  let admin: string;
  let viewer: string;

  const read = (path: string) => callRoute(znodeRoute.GET, "GET", `/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent(path)}`, { id: clusterId }, { userId: viewer });
  const sessionId = () => sessionStatus(clusterId).sessionId;

  beforeAll(async () => {
    process.env.CONSOLE_SECRET_KEY ??= TEST_CREDENTIAL_KEY;
    zk = await startEnsemble({ size: 1 });
    const raw = await getClient({ id: "cs-raw", connectionString: zk.connectionString, sessionTimeoutMs: 15_000, auth: [{ scheme: "digest", credential: "alice:s3cret" }] });
    for (const p of ["/cs", "/cs/plain", "/cs/inner", "/cs/inner/x", "/cs/secure"]) await raw.create(p, Buffer.from(`at ${p}`), 0);
    await raw.setAcl("/cs/secure", 0, [{ scheme: "digest", auth: digestId("alice", "s3cret"), perms: 31 }]);
    clusterId = (await createCluster({ name: `cs-${Date.now()}`, connectionString: zk.connectionString })).id;
    admin = (await makeUser("admin")).id;
    viewer = (await makeUser("viewer")).id;
  });
  afterAll(async () => {
    for (const id of [clusterId, "cs-raw"]) closeSession(id);
    await zk?.stopAll();
  });

  it("keeps one session across calls while nothing changes", async () => {
    expect((await read("/cs/plain")).status).toBe(200);
    const first = sessionId();
    expect(first).toBeTruthy();
    for (let i = 0; i < 5; i++) expect((await read("/cs/plain")).status).toBe(200);
    expect(sessionId()).toBe(first);
  });

  it("a connection string changed through the API: the next call runs on a new session there", async () => {
    expect((await read("/cs/plain")).status).toBe(200);
    const before = sessionId();
    const patch = await callRoute(clusterRoute.PATCH, "PATCH", `/api/v1/clusters/${clusterId}`, { id: clusterId }, { userId: admin, body: { connectionString: `${zk.connectionString}/cs` } });
    expect(patch.status).toBe(200);
    const inChroot = await read("/inner/x");
    expect(inChroot.json).toMatchObject({ path: "/inner/x", data: { text: "at /cs/inner/x" } });
    expect(sessionId()).not.toBe(before);
  });

  it("a connection string changed by a direct database write (another instance): the next call uses it", async () => {
    const before = sessionId();
    await db().cluster.update({ where: { id: clusterId }, data: { connectionString: `${zk.connectionString}/cs/inner` } });
    expect((await read("/x")).json).toMatchObject({ data: { text: "at /cs/inner/x" } });
    expect(sessionId()).not.toBe(before);
    await db().cluster.update({ where: { id: clusterId }, data: { connectionString: zk.connectionString } });
    expect((await read("/cs/plain")).status).toBe(200);
  });

  it("a credential added or removed: the next call runs on a new session with (or without) it", async () => {
    const denied = await read("/cs/secure");
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe("NO_AUTH");
    const before = sessionId();

    const added = await callRoute(credentialsRoute.POST, "POST", `/api/v1/clusters/${clusterId}/credentials`, { id: clusterId }, { userId: admin, body: { scheme: "digest", credential: "alice:s3cret" } });
    expect(added.status).toBe(201);
    const allowed = await read("/cs/secure");
    expect(allowed.json).toMatchObject({ data: { text: "at /cs/secure" } });
    const withCredential = sessionId();
    expect(withCredential).not.toBe(before);

    const credentialId = added.json.credential.id as string;
    const removed = await callRoute(credentialRoute.DELETE, "DELETE", `/api/v1/clusters/${clusterId}/credentials/${credentialId}`, { id: clusterId, credentialId }, { userId: admin });
    expect(removed.status).toBe(200);
    expect((await read("/cs/secure")).status).toBe(403);
    expect(sessionId()).not.toBe(withCredential);
  });
});
