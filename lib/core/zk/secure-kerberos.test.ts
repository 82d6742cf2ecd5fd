// Sessions to a SASL-enforced member (enforce.auth.enabled, enforce.auth.schemes=sasl) with
// Kerberos GSSAPI: a principal and keytab against an MIT KDC started by the test, credentials in a
// private memory cache per session. Refusals are typed errors, not sessions retrying forever.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKdc, type Kdc } from "@/test/secure-zookeeper/kdc";
import { startKerberosMember } from "@/test/secure-zookeeper/members";
import type { SecureMember } from "@/test/secure-zookeeper/server";
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

describe("Kerberos GSSAPI enforced member", () => {
  let kdc: Kdc;
  let zk: SecureMember;
  let keytabBase64: string;
  const ids: string[] = [];
  const target = (id: string, principal = `console@${kdc.realm}`): SessionTarget =>
    (ids.push(id), { id, connectionString: `localhost:${zk.port}`, sessionTimeoutMs: SESSION_TIMEOUT_MS, sasl: { mechanism: "GSSAPI", principal, keytabBase64 } });

  beforeAll(async () => {
    kdc = await startKdc();
    // The session workers (forked from here) read the test realm's configuration.
    process.env.KRB5_CONFIG = kdc.krb5Conf;
    keytabBase64 = fs.readFileSync(kdc.addPrincipal(`console@${kdc.realm}`, path.join(kdc.dir, "console.keytab"))).toString("base64");
    zk = await startKerberosMember(kdc);
  });
  afterAll(async () => {
    ids.forEach(closeSession);
    await zk?.stop();
    await kdc?.stop();
  });

  it("authenticates with a principal and keytab: read, write and a watch event", async () => {
    await readWriteWatch(target("krb-ok"), "/kerberos");
  });

  it("names a principal the keytab does not hold", async () => {
    const e = await refusal(target("krb-stranger", "stranger@ZKCONSOLE.TEST"));
    expect(e).toMatchObject({ code: "AUTH_FAILED", status: 503 });
    expect(e?.message).toMatch(/no credentials for stranger@ZKCONSOLE.TEST in the keytab/);
  });

  it("reports an unreachable KDC for a new session", async () => {
    await kdc.stop();
    const e = await refusal(target("krb-no-kdc"));
    expect(e).toMatchObject({ code: "AUTH_FAILED", status: 503 });
    expect(e?.message).toMatch(/Cannot contact any KDC for realm 'ZKCONSOLE.TEST'/);
  });
});
