// Sessions to a TLS-only member (secureClientPort, Netty, ssl.clientAuth=need) through the
// patched binding: mutual TLS works end to end, and every refusal is a typed error that comes
// before the session timeout (the C client alone would retry the handshake forever).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTlsMember, type TlsMember } from "@/test/secure-zookeeper/members";
import { closeSession, getClient, sessionStatus, type SessionTarget } from "./sessions";

// Long enough that a session retrying until its timeout fails the test by its own time-out.
const SESSION_TIMEOUT_MS = 60_000;

describe("TLS-only ZooKeeper member", () => {
  let zk: TlsMember;
  const ids: string[] = [];
  const target = (id: string, tls: Partial<SessionTarget["tls"]> = {}, host = "localhost"): SessionTarget => {
    ids.push(id);
    const { ca, client } = zk.pki;
    return { id, connectionString: `${host}:${zk.port}`, sessionTimeoutMs: SESSION_TIMEOUT_MS, tls: { caPem: ca.certPem, certPem: client.certPem, keyPem: client.keyPem, ...tls } };
  };
  const refusal = (t: SessionTarget) => getClient(t).then(() => null, (e: { code: string; status: number; message: string }) => e);

  beforeAll(async () => { zk = await startTlsMember(); });
  afterAll(async () => {
    ids.forEach(closeSession);
    await zk?.stop();
  });

  it("connects with the CA and a client certificate: read, write and a watch event", async () => {
    const client = await getClient(target("tls-ok"));
    expect(sessionStatus("tls-ok").state).toBe("connected");
    await client.create("/tls", Buffer.from("over tls"), 0);
    expect((await client.get("/tls")).data.toString()).toBe("over tls");
    const event = new Promise((resolve) => void client.getWatched("/tls", resolve));
    await client.set("/tls", Buffer.from("changed"), 0);
    expect(await event).toEqual({ type: "changed", path: "/tls" });
  });

  it("checks the host name: the certificate names localhost and 127.0.0.1, not 127.0.0.2", async () => {
    const e = await refusal(target("tls-mismatch", {}, "127.0.0.2"));
    expect(e).toMatchObject({ code: "TLS_FAILED", status: 503 });
    expect(e?.message).toMatch(/hostname mismatch|IP address mismatch/);
    // The same address with verification off (the chain is still checked).
    const client = await getClient(target("tls-no-verify", { verifyHostname: false }, "127.0.0.2"));
    expect((await client.get("/tls")).data.toString()).toBe("changed");
  });

  it("refuses a server whose certificate is not signed by the configured CA", async () => {
    const e = await refusal(target("tls-untrusted", { caPem: zk.pki.otherCa.certPem }));
    expect(e).toMatchObject({ code: "TLS_FAILED", status: 503 });
    expect(e?.message).toMatch(/server certificate was not accepted: self-signed certificate in certificate chain/);
    expect(sessionStatus("tls-untrusted")).toMatchObject({ state: "failed", reason: e?.message });
  });

  it("reports the server refusing the client's certificate, or its absence", async () => {
    const stranger = await refusal(target("tls-stranger", { certPem: zk.pki.strangerClient.certPem, keyPem: zk.pki.strangerClient.keyPem }));
    expect(stranger).toMatchObject({ code: "TLS_FAILED" });
    expect(stranger?.message).toMatch(/alert certificate unknown|alert bad certificate|refused by the server/);
    const none = await refusal(target("tls-no-cert", { certPem: undefined, keyPem: undefined }));
    expect(none).toMatchObject({ code: "TLS_FAILED" });
    expect(none?.message).toMatch(/alert bad certificate|alert certificate required|refused by the server/);
  });

  it("names an expired client certificate, a key that is not the certificate's, and malformed PEM, before connecting", async () => {
    const expired = await refusal(target("tls-expired", { certPem: zk.pki.expiredClient.certPem, keyPem: zk.pki.expiredClient.keyPem }));
    expect(expired).toMatchObject({ code: "TLS_FAILED" });
    expect(expired?.message).toMatch(/client certificate \(CN=zk-console-expired\) expired on 2020-01-02T00:00:00.000Z/);
    const mismatch = await refusal(target("tls-wrong-key", { keyPem: zk.pki.strangerClient.keyPem }));
    expect(mismatch?.message).toMatch(/client key does not belong to the client certificate/);
    const malformed = await refusal(target("tls-malformed", { caPem: "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n" }));
    expect(malformed?.message).toMatch(/CA certificate is not a valid PEM/);
  });
});
