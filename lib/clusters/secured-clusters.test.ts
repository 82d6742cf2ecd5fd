// Secured clusters in the registry, through the API as a browser sends it, against real members:
// a TLS-only one (Netty, ssl.clientAuth=need, a PKI made with openssl/keytool) and a SASL
// DIGEST-MD5 enforced one. Register, browse, edit and watch a live event; bad settings are refused
// with the problem named and nothing saved, unless the operator saves anyway (`force`).
import { createPrivateKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db/client";
import { closeSession } from "@/lib/core/zk/sessions";
import { startDigestMember, startTlsMember, type TlsMember } from "@/test/secure-zookeeper/members";
import { browseEditWatch } from "@/test/secure-zookeeper/browse-edit-watch";
import type { SecureMember } from "@/test/secure-zookeeper/server";
import { makeUser } from "@/test/support/auth";
import { TEST_CREDENTIAL_KEY } from "@/test/support/credentials-test-key";
import { send } from "@/test/proving/send";
import { freePorts } from "../ensemble/ports";
import { findTlsOnlyMember } from "./tls-probe";
import type { Diagnosis } from "./diagnostics-schema";

process.env.CONSOLE_SECRET_KEY ??= TEST_CREDENTIAL_KEY;

describe("secured clusters: TLS-only and SASL DIGEST-MD5 members through the API", () => {
  let tlsZk: TlsMember;
  let digestZk: SecureMember;
  let admin: string;
  const registered: string[] = [];
  const unique = (what: string) => `${what}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

  const register = async (body: Record<string, unknown>) => {
    const res = await send("POST", "/api/v1/clusters", { userId: admin, json: { sessionTimeoutMs: 20_000, ...body } });
    if (res.status === 201) registered.push(res.json.cluster.id);
    return res;
  };
  const clientTls = () => ({ caPem: tlsZk.pki.ca.certPem, certPem: tlsZk.pki.client.certPem, keyPem: tlsZk.pki.client.keyPem });
  const digest = (password: string) => ({ mechanism: "DIGEST-MD5", username: "console", password });
  const saved = (name: string) => db().cluster.findUnique({ where: { name }, include: { security: true } });

  beforeAll(async () => {
    [tlsZk, digestZk] = await Promise.all([startTlsMember(), startDigestMember({ console: "console-secret" })]);
    admin = (await makeUser("admin", { name: unique("sec-admin") })).id;
  });
  afterAll(async () => {
    registered.forEach(closeSession);
    await Promise.all([tlsZk?.stop(), digestZk?.stop()]);
  });

  it("recognises a TLS-only port by probing, and not a plain port or a closed one", async () => {
    expect(await findTlsOnlyMember([{ host: "127.0.0.1", port: tlsZk.port }])).toEqual({ host: "127.0.0.1", port: tlsZk.port });
    expect(await findTlsOnlyMember([{ host: "127.0.0.1", port: digestZk.port }])).toBeNull();
    const [closed] = await freePorts(1);
    expect(await findTlsOnlyMember([{ host: "127.0.0.1", port: closed }])).toBeNull();
  });

  it("says a secureClientPort needs TLS settings (registration and connection test), saving nothing unless forced", async () => {
    const name = unique("tls-missing");
    const refused = await register({ name, connectionString: tlsZk.connectionString });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: "TLS_REQUIRED", message: expect.stringMatching(/127\.0\.0\.1:\d+ answers only TLS .*set the cluster's TLS settings/), details: { field: "tls", forceable: true } });
    expect(await saved(name)).toBeNull();
    const tested = await send("POST", "/api/v1/clusters/test", { userId: admin, json: { connectionString: tlsZk.connectionString, sessionTimeoutMs: 60_000 } });
    expect(tested.json.error).toMatchObject({ code: "TLS_REQUIRED" });
    expect((await register({ name, connectionString: tlsZk.connectionString, force: true })).status).toBe(201);
  });

  it("registers a TLS-only member with CA, client certificate and an encrypted key: shows only facts, stores only ciphertext, browses, edits and watches", async () => {
    const encryptedKey = createPrivateKey(tlsZk.pki.client.keyPem).export({ format: "pem", type: "pkcs8", cipher: "aes-256-cbc", passphrase: "key-pass-1" }) as string;
    const name = unique("tls");
    const body = { name, connectionString: tlsZk.connectionString, tls: { ...clientTls(), keyPem: encryptedKey } };
    const noPassword = await register(body);
    expect(noPassword.json.error).toMatchObject({ code: "TLS_INVALID", message: expect.stringMatching(/client key is encrypted: give its password as tls.keyPassword/), details: { forceable: false } });
    const wrongPassword = await register({ ...body, tls: { ...body.tls, keyPassword: "not-it" } });
    expect(wrongPassword.json.error).toMatchObject({ code: "TLS_INVALID", message: expect.stringMatching(/does not decrypt the client key \(wrong password\)/) });
    expect(await saved(name)).toBeNull();

    const created = await register({ ...body, tls: { ...body.tls, keyPassword: "key-pass-1" } });
    expect(created.status).toBe(201);
    expect(created.json.cluster.security).toEqual({
      tls: { set: true, verifyHostname: true, ca: expect.objectContaining({ subject: "CN=zk-console test CA", validTo: expect.stringMatching(/^\d{4}-/) }), client: expect.objectContaining({ subject: "CN=zk-console", issuer: "CN=zk-console test CA" }) },
      sasl: null,
    });
    expect(created.text).not.toMatch(/BEGIN|key-pass-1/);
    const row = (await saved(name))!.security!;
    expect(row.tlsSecret).toMatch(/^v1\./);
    expect(row.tlsSecret).not.toMatch(/BEGIN/);
    await browseEditWatch(admin, created.json.cluster.id, `/tls-${Date.now()}`);
    const listed = await send("GET", "/api/v1/clusters", { userId: admin });
    expect(listed.json.clusters.find((c: { name: string }) => c.name === name).security.tls.client.subject).toBe("CN=zk-console");
    expect(listed.text).not.toMatch(/BEGIN/);
  });

  it("refuses a broken PEM, a key of another certificate, an expired certificate and an untrusted CA, naming each; saves anyway when forced", async () => {
    const name = unique("tls-bad");
    const conn = tlsZk.connectionString;
    const errorOf = async (tls: Record<string, unknown>) => (await register({ name, connectionString: conn, tls })).json.error;
    expect(await errorOf({ caPem: "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----" })).toMatchObject({ code: "TLS_INVALID", message: expect.stringMatching(/tls.caPem is not a valid PEM certificate/) });
    expect(await errorOf({ caPem: "hello" })).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/tls.caPem.*is not PEM text/) });
    expect(await errorOf({ ...clientTls(), keyPem: tlsZk.pki.strangerClient.keyPem })).toMatchObject({ code: "TLS_INVALID", message: expect.stringMatching(/client key does not belong to the client certificate \(CN=zk-console\)/), details: { forceable: true } });
    expect(await errorOf({ ...clientTls(), certPem: tlsZk.pki.expiredClient.certPem, keyPem: tlsZk.pki.expiredClient.keyPem })).toMatchObject({ code: "TLS_INVALID", message: expect.stringMatching(/client certificate \(CN=zk-console-expired\) expired on 2020-01-02/) });
    const untrusted = await errorOf({ ...clientTls(), caPem: tlsZk.pki.otherCa.certPem });
    expect(untrusted).toMatchObject({ code: "CONNECTION_CHECK_FAILED", message: expect.stringMatching(/trial connection .* refused: the TLS connection to ZooKeeper failed/), details: { field: "tls", cause: "TLS_FAILED" } });
    expect(await saved(name)).toBeNull();
    const forced = await register({ name, connectionString: conn, tls: { ...clientTls(), caPem: tlsZk.pki.otherCa.certPem }, force: true });
    expect(forced.status).toBe(201);
    expect(forced.json.cluster.security.tls.ca.subject).toBe("CN=someone else's CA");
    const audit = await db().auditRecord.findFirst({ where: { operation: "cluster_create", details: { contains: name } } });
    expect(JSON.parse(audit!.details ?? "{}")).toMatchObject({ security: { tls: { ca: "CN=someone else's CA", client: "CN=zk-console" }, savedAnyway: true } });
    // Editing it with the right CA is checked the same way, and then connects.
    const fixed = await send("PATCH", `/api/v1/clusters/${forced.json.cluster.id}`, { userId: admin, json: { tls: clientTls() } });
    expect(fixed.status).toBe(200);
    expect(fixed.json.cluster.security.tls.ca.subject).toBe("CN=zk-console test CA");
    expect((await send("GET", `/api/v1/clusters/${forced.json.cluster.id}/children`, { userId: admin, query: { path: "/" } })).status).toBe(200);
  });

  it("registers a DIGEST-MD5 enforced member: a wrong password is refused and nothing saved; the right one browses, edits and watches", async () => {
    const name = unique("digest");
    const connectionString = `localhost:${digestZk.port}`;
    const wrong = await register({ name, connectionString, sasl: digest("not-it") });
    expect(wrong.json.error).toMatchObject({ code: "CONNECTION_CHECK_FAILED", message: expect.stringMatching(/did not accept the console's credentials/), details: { field: "sasl", cause: "AUTH_FAILED" } });
    expect(await saved(name)).toBeNull();
    const created = await register({ name, connectionString, sasl: digest("console-secret") });
    expect(created.status).toBe(201);
    expect(created.json.cluster.security.sasl).toEqual({ set: true, mechanism: "DIGEST-MD5", username: "console" });
    expect(created.text).not.toContain("console-secret");
    expect((await saved(name))!.security!.saslSecret).not.toContain("console-secret");
    const id = created.json.cluster.id;
    await browseEditWatch(admin, id, `/digest-${Date.now()}`);

    const badEdit = await send("PATCH", `/api/v1/clusters/${id}`, { userId: admin, json: { sasl: digest("still-wrong") } });
    expect(badEdit.json.error).toMatchObject({ code: "CONNECTION_CHECK_FAILED", details: { cause: "AUTH_FAILED" } });
    expect((await send("GET", `/api/v1/clusters/${id}/children`, { userId: admin, query: { path: "/" } })).status).toBe(200);
    const removed = await send("PATCH", `/api/v1/clusters/${id}`, { userId: admin, json: { sasl: null } });
    expect(removed.json.cluster.security).toEqual({ tls: null, sasl: null });
    expect(await db().clusterSecurity.findUnique({ where: { clusterId: id } })).toBeNull();
    // Without SASL the enforcing server refuses every request.
    expect((await send("GET", `/api/v1/clusters/${id}/children`, { userId: admin, query: { path: "/" } })).json.error).toMatchObject({ code: expect.stringMatching(/SASL_REQUIRED|AUTH_FAILED/) });
  });

  it("diagnoses step by step with the stored settings: untrusted CA, expired client certificate, wrong password, missing chroot, refused port", async () => {
    const [closed] = await freePorts(1);
    const saveAnyway = async (body: Record<string, unknown>) => (await register({ name: unique("diag"), force: true, ...body })).json.cluster.id as string;
    const diagnose = async (id: string) => (await send("POST", `/api/v1/clusters/${id}/diagnostics`, { userId: admin })).json as Diagnosis;
    const failed = (d: Diagnosis) => d.steps.filter((s) => s.status === "failed");

    const good = await diagnose(await saveAnyway({ connectionString: tlsZk.connectionString, tls: clientTls() }));
    expect(failed(good)).toEqual([]);
    expect(good.ok).toBe(true);
    expect(good.steps).toContainEqual(expect.objectContaining({ step: "tls", status: "ok", facts: { server: expect.objectContaining({ subject: "CN=localhost", issuer: "CN=zk-console test CA" }) } }));
    expect(good.steps).toContainEqual(expect.objectContaining({ step: "session", status: "ok" }));

    const untrusted = await diagnose(await saveAnyway({ connectionString: tlsZk.connectionString, tls: { ...clientTls(), caPem: tlsZk.pki.otherCa.certPem } }));
    expect(untrusted.ok).toBe(false);
    expect(failed(untrusted)[0]).toMatchObject({ step: "tls", detail: expect.stringMatching(/\(CN=localhost, issued by CN=zk-console test CA, valid .*\) is not signed by the CA/), next: expect.stringMatching(/CA certificate/) });

    const expired = await diagnose(await saveAnyway({ connectionString: tlsZk.connectionString, tls: { ...clientTls(), certPem: tlsZk.pki.expiredClient.certPem, keyPem: tlsZk.pki.expiredClient.keyPem } }));
    expect(failed(expired)[0]).toMatchObject({ step: "settings", detail: expect.stringMatching(/expired on 2020-01-02/) });

    const wrongPassword = await diagnose(await saveAnyway({ connectionString: `localhost:${digestZk.port}`, sasl: digest("not-it") }));
    expect(wrongPassword.steps).toContainEqual(expect.objectContaining({ step: "dns", target: "localhost", status: "ok" }));
    expect(failed(wrongPassword)).toEqual([expect.objectContaining({ step: "sasl", detail: expect.stringMatching(/did not accept/), next: expect.stringMatching(/user and password/) })]);

    const noChroot = await diagnose(await saveAnyway({ connectionString: `localhost:${digestZk.port}/no-such-chroot`, sasl: digest("console-secret") }));
    expect(failed(noChroot)).toEqual([expect.objectContaining({ step: "chroot", detail: "the chroot /no-such-chroot does not exist" })]);

    const refused = await diagnose(await saveAnyway({ connectionString: `127.0.0.1:${closed}` }));
    expect(refused.steps).toEqual([
      expect.objectContaining({ step: "dns", status: "skipped" }),
      expect.objectContaining({ step: "tcp", target: `127.0.0.1:${closed}`, status: "failed", detail: expect.stringMatching(/connection refused/) }),
      expect.objectContaining({ step: "session", status: "skipped" }),
    ]);
  });
});
