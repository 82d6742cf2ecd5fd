// Connection diagnosis of settings not saved yet (POST /api/v1/clusters/test with diagnose: true,
// what the form's "Test connection" runs) against real members: a TLS-only member with a valid
// certificate, one whose server certificate has expired, and a SASL DIGEST-MD5 enforced one. Each
// failure is named in the operator's words with what to do next; a refused port at once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db/client";
import { startDigestMember, startTlsMember, type TlsMember } from "@/test/secure-zookeeper/members";
import { makePki } from "@/test/secure-zookeeper/pki";
import type { SecureMember } from "@/test/secure-zookeeper/server";
import { makeUser } from "@/test/support/auth";
import { send } from "@/test/proving/send";
import { freePorts } from "../ensemble/ports";
import type { Diagnosis } from "./diagnostics-schema";

describe("diagnosing unsaved settings step by step (POST /api/v1/clusters/test, diagnose: true)", () => {
  let tlsZk: TlsMember;
  let expiredZk: TlsMember;
  let digestZk: SecureMember;
  let admin: string;

  const clientTls = (zk: TlsMember) => ({ caPem: zk.pki.ca.certPem, certPem: zk.pki.client.certPem, keyPem: zk.pki.client.keyPem });
  const diagnose = async (body: Record<string, unknown>) => {
    const res = await send("POST", "/api/v1/clusters/test", { userId: admin, json: { sessionTimeoutMs: 30_000, diagnose: true, ...body } });
    expect(res.status, res.text).toBe(200);
    return res.json as Diagnosis;
  };
  const failed = (d: Diagnosis) => d.steps.filter((s) => s.status === "failed");

  beforeAll(async () => {
    const pki = makePki(fs.mkdtempSync(path.join(os.tmpdir(), "zk-diag-pki-")));
    // The same CA for both TLS members, so only the dates of the expired one's certificate are wrong.
    [tlsZk, expiredZk, digestZk] = await Promise.all([
      startTlsMember({ pki }), startTlsMember({ pki, serverCert: (p) => p.expiredServer }), startDigestMember({ console: "console-secret" }),
    ]);
    admin = (await makeUser("admin", { name: `diag-admin-${Date.now()}` })).id;
  }, 120_000);
  afterAll(async () => {
    await Promise.all([tlsZk?.stop(), expiredZk?.stop(), digestZk?.stop()]);
  });

  it("passes every step with the right CA and client certificate, showing the server certificate's facts", async () => {
    const d = await diagnose({ connectionString: `localhost:${tlsZk.port}`, tls: clientTls(tlsZk) });
    expect(failed(d)).toEqual([]);
    expect(d.ok).toBe(true);
    expect(d.steps.map((s) => `${s.step}:${s.status}`)).toEqual(["dns:ok", "tcp:ok", "tls:ok", "session:ok"]);
    expect(d.steps[2].facts).toEqual({ server: expect.objectContaining({ subject: "CN=localhost", issuer: "CN=zk-console test CA" }) });
    const audit = await db().auditRecord.findFirst({ where: { operation: "cluster_test", actorId: admin }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ outcome: "ok" });
  });

  it("names an expired server certificate with its subject, issuer and dates, and skips the session", async () => {
    const d = await diagnose({ connectionString: `localhost:${expiredZk.port}`, tls: clientTls(expiredZk) });
    expect(d.ok).toBe(false);
    expect(failed(d)).toEqual([{
      step: "tls", target: `localhost:${expiredZk.port}`, status: "failed",
      detail: "the server certificate (CN=localhost, issued by CN=zk-console test CA, valid 2020-01-01T00:00:00.000Z to 2020-01-02T00:00:00.000Z) has expired",
      next: "renew the member's certificate (ssl.keyStore)",
      facts: { server: expect.objectContaining({ subject: "CN=localhost", validTo: "2020-01-02T00:00:00.000Z" }) },
    }]);
    expect(d.steps.at(-1)).toEqual({ step: "session", status: "skipped", detail: "no member completed the TLS handshake", next: "fix the failed TLS steps first" });
    const audit = await db().auditRecord.findFirst({ where: { operation: "cluster_test", actorId: admin }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ outcome: "failed" });
    expect(JSON.parse(audit!.details ?? "{}")).toMatchObject({ diagnose: true, failed: [`tls localhost:${expiredZk.port}`] });
  });

  it("names a CA that did not sign the server's certificate, and a host name the certificate does not name", async () => {
    const untrusted = await diagnose({ connectionString: `localhost:${tlsZk.port}`, tls: { ...clientTls(tlsZk), caPem: tlsZk.pki.otherCa.certPem } });
    expect(failed(untrusted)).toEqual([expect.objectContaining({
      step: "tls",
      detail: expect.stringMatching(/^the server certificate \(CN=localhost, issued by CN=zk-console test CA, valid \S+ to \S+\) is not signed by the CA given in the TLS settings \(\w+\)$/),
      next: "set as CA certificate the one that signed the members' certificates",
    })]);
    // The certificate names localhost and 127.0.0.1; 127.0.0.2 reaches the same member on loopback.
    const otherHost = await diagnose({ connectionString: `127.0.0.2:${tlsZk.port}`, tls: clientTls(tlsZk) });
    expect(failed(otherHost)).toEqual([expect.objectContaining({
      step: "tls", target: `127.0.0.2:${tlsZk.port}`,
      detail: expect.stringMatching(/^the server certificate \(CN=localhost, .*\) does not name 127\.0\.0\.2: it names DNS:localhost, IP Address:127\.0\.0\.1$/),
      next: expect.stringMatching(/host name the certificate names .* or turn host name verification off/),
    })]);
    expect((await diagnose({ connectionString: `127.0.0.2:${tlsZk.port}`, tls: { ...clientTls(tlsZk), verifyHostname: false } })).steps.find((s) => s.step === "tls")).toMatchObject({ status: "ok" });
  });

  it("names a wrong SASL password after the member's version and mode, and a missing SASL setting", async () => {
    const connectionString = `localhost:${digestZk.port}`;
    const wrong = await diagnose({ connectionString, sasl: { mechanism: "DIGEST-MD5", username: "console", password: "not-it" } });
    expect(wrong.steps).toContainEqual(expect.objectContaining({ step: "server", status: "ok", detail: expect.stringMatching(/^ZooKeeper 3\.8\.\S+, standalone$/) }));
    expect(failed(wrong)).toEqual([{
      step: "sasl", status: "failed",
      detail: expect.stringMatching(/did not accept the console's credentials/),
      next: "check the SASL user and password (or principal, keytab and the KDC in krb5.conf)",
    }]);
    const none = await diagnose({ connectionString });
    expect(failed(none)).toEqual([expect.objectContaining({ step: "sasl", next: expect.stringMatching(/^(the server requires SASL: )?set the cluster's SASL settings/) })]);
    expect(failed(await diagnose({ connectionString, sasl: { mechanism: "DIGEST-MD5", username: "console", password: "console-secret" } }))).toEqual([]);
  });

  it("reports a refused port at once, not after the session timeout, and refuses unusable PEMs as input", async () => {
    const [closed] = await freePorts(1);
    const started = Date.now();
    const d = await diagnose({ connectionString: `127.0.0.1:${closed}`, sessionTimeoutMs: 60_000 });
    // The session timeout is 60 s and the trial session is skipped: the answer comes from the TCP probe.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(d.steps).toEqual([
      expect.objectContaining({ step: "dns", status: "skipped" }),
      { step: "tcp", target: `127.0.0.1:${closed}`, status: "failed", detail: "connection refused: nothing listens on that port", next: expect.stringMatching(/secureClientPort \(TLS\), and that the member is running/) },
      { step: "session", status: "skipped", detail: "no member accepts connections", next: "fix the failed TCP steps first" },
    ]);
    const bad = await send("POST", "/api/v1/clusters/test", { userId: admin, json: { connectionString: `localhost:${tlsZk.port}`, diagnose: true, tls: { caPem: "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----" } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: "TLS_INVALID", message: expect.stringMatching(/tls.caPem is not a valid PEM certificate/), details: { field: "tls" } });
    expect((await send("POST", "/api/v1/clusters/test", { userId: admin, json: { connectionString: `localhost:${tlsZk.port}`, diagnose: "yes" } })).json.error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/diagnose must be true or false/) });
  });
});
