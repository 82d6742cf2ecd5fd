// A Kerberos GSSAPI enforced member (MIT KDC on loopback, started by the test) in the registry,
// through the API as a browser sends it: a principal the keytab does not hold is refused and
// nothing saved; the right one registers (facts only, keytab sealed), browses, edits, watches;
// the diagnosis names the SASL step; the settings can be changed and removed.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db/client";
import { closeSession } from "@/lib/core/zk/sessions";
import { browseEditWatch } from "@/test/secure-zookeeper/browse-edit-watch";
import { startKdc, type Kdc } from "@/test/secure-zookeeper/kdc";
import { startKerberosMember } from "@/test/secure-zookeeper/members";
import type { SecureMember } from "@/test/secure-zookeeper/server";
import { makeUser } from "@/test/support/auth";
import { TEST_CREDENTIAL_KEY } from "@/test/support/credentials-test-key";
import { send } from "@/test/proving/send";
import type { Diagnosis } from "./diagnostics-schema";

process.env.CONSOLE_SECRET_KEY ??= TEST_CREDENTIAL_KEY;

describe("a Kerberos (SASL GSSAPI) enforced member through the API", () => {
  let kdc: Kdc;
  let zk: SecureMember;
  let keytabBase64: string;
  let admin: string;
  const registered: string[] = [];
  const name = `krb-${Date.now()}`;
  const gssapi = (principal: string) => ({ mechanism: "GSSAPI", principal, keytabBase64 });

  beforeAll(async () => {
    kdc = await startKdc();
    // The session workers (forked by the first session, after this) read the test realm's configuration.
    process.env.KRB5_CONFIG = kdc.krb5Conf;
    keytabBase64 = fs.readFileSync(kdc.addPrincipal(`console@${kdc.realm}`, path.join(kdc.dir, "console.keytab"))).toString("base64");
    zk = await startKerberosMember(kdc);
    admin = (await makeUser("admin", { name: `krb-admin-${Date.now()}` })).id;
  }, 120_000);
  afterAll(async () => {
    registered.forEach(closeSession);
    await zk?.stop();
    await kdc?.stop();
  });

  it("refuses a principal the keytab does not hold, saving nothing; registers the right one with facts only, browses, edits and watches", async () => {
    const connectionString = `localhost:${zk.port}`;
    const register = (principal: string) => send("POST", "/api/v1/clusters", { userId: admin, json: { name, connectionString, sessionTimeoutMs: 20_000, sasl: gssapi(principal) } });
    const stranger = await register(`stranger@${kdc.realm}`);
    expect(stranger.json.error).toMatchObject({ code: "CONNECTION_CHECK_FAILED", message: expect.stringMatching(/no credentials for stranger@ZKCONSOLE.TEST in the keytab/), details: { field: "sasl", cause: "AUTH_FAILED", forceable: true } });
    expect(await db().cluster.findUnique({ where: { name } })).toBeNull();

    const created = await register(`console@${kdc.realm}`);
    expect(created.status, created.text).toBe(201);
    const id = created.json.cluster.id as string;
    registered.push(id);
    expect(created.json.cluster.security).toEqual({ tls: null, sasl: { set: true, mechanism: "GSSAPI", principal: `console@${kdc.realm}`, serviceName: null } });
    expect(created.text).not.toContain(keytabBase64.slice(0, 40));
    const row = await db().clusterSecurity.findUnique({ where: { clusterId: id } });
    expect(row!.saslSecret).toMatch(/^v1\./);
    expect(row!.saslSecret).not.toContain(keytabBase64.slice(0, 40));
    await browseEditWatch(admin, id, `/krb-${Date.now()}`);

    const diagnosis = (await send("POST", `/api/v1/clusters/${id}/diagnostics`, { userId: admin })).json as Diagnosis;
    expect(diagnosis.ok).toBe(true);
    expect(diagnosis.steps).toContainEqual(expect.objectContaining({ step: "sasl", status: "ok", detail: `authenticated with GSSAPI as console@${kdc.realm}` }));
  });

  it("edits: a wrong principal is refused and the stored one keeps working; removing SASL leaves an enforcing member refusing", async () => {
    const id = registered[0];
    const badEdit = await send("PATCH", `/api/v1/clusters/${id}`, { userId: admin, json: { sasl: gssapi(`stranger@${kdc.realm}`) } });
    expect(badEdit.json.error).toMatchObject({ code: "CONNECTION_CHECK_FAILED", details: { cause: "AUTH_FAILED" } });
    expect((await send("GET", `/api/v1/clusters/${id}/children`, { userId: admin, query: { path: "/" } })).status).toBe(200);
    const removed = await send("PATCH", `/api/v1/clusters/${id}`, { userId: admin, json: { sasl: null } });
    expect(removed.json.cluster.security).toEqual({ tls: null, sasl: null });
    expect((await send("GET", `/api/v1/clusters/${id}/children`, { userId: admin, query: { path: "/" } })).json.error).toMatchObject({ code: expect.stringMatching(/SASL_REQUIRED|AUTH_FAILED/) });
  });
});
