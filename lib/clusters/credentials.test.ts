import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { TEST_CREDENTIAL_KEY } from "@/test/support/credentials-test-key";
import { auditEntryOfRequest } from "../audit/query";
import { db } from "@/lib/core/db/client";
import { actorCtx } from "@/test/support/actors";
import { credentialAad, openCredential, sealCredential } from "@/lib/access/credentials-crypto";
import { credentialKey } from "@/lib/access/credentials-key";
import { addCredential, checkCredentialKey, listCredentials, removeCredential } from "./credentials";
import { rotateCredentialKey } from "./rotate-credential-key";
import { sessionAuthOf } from "@/lib/access/clusters";
import { createCluster } from "./registry";
import { sessionTargetOf } from "@/lib/access/cluster-session";

// One key for every test file: they share the test database (as one console shares its key).
const KEY = (process.env.CONSOLE_SECRET_KEY ??= TEST_CREDENTIAL_KEY);
const PASSWORD = "Tr0ub4dor-credential-" + randomBytes(6).toString("hex");

/** The SQLite database file and its WAL, as bytes: what someone with the file would see. */
function databaseBytes(): Buffer {
  const file = process.env.DATABASE_URL!.replace(/^file:/, "");
  return Buffer.concat([file, `${file}-wal`, `${file}-journal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

describe("the credential key (CONSOLE_SECRET_KEY)", () => {
  afterEach(() => { process.env.CONSOLE_SECRET_KEY = KEY; });

  it("takes 32 bytes as base64 or hex, or stretches a passphrase; refuses short or missing values", () => {
    const raw = randomBytes(32);
    process.env.CONSOLE_SECRET_KEY = raw.toString("base64");
    expect(credentialKey().key).toEqual(raw);
    process.env.CONSOLE_SECRET_KEY = raw.toString("hex");
    expect(credentialKey().key).toEqual(raw);
    process.env.CONSOLE_SECRET_KEY = "correct horse battery staple";
    const derived = credentialKey().key!;
    expect(derived).toHaveLength(32);
    expect(derived.equals(Buffer.from("correct horse battery staple"))).toBe(false);
    process.env.CONSOLE_SECRET_KEY = "short";
    expect(credentialKey()).toMatchObject({ key: null, problem: expect.stringMatching(/at least 16 characters/) });
    delete process.env.CONSOLE_SECRET_KEY;
    expect(credentialKey()).toMatchObject({ key: null, problem: "CONSOLE_SECRET_KEY is not set" });
  });

  it("seals with AES-256-GCM bound to the row: another key or another cluster's row does not open it", () => {
    const key = randomBytes(32);
    const sealed = sealCredential("alice:secret", key, credentialAad("c1", "digest"));
    expect(sealed).not.toContain("alice");
    expect(openCredential(sealed, key, credentialAad("c1", "digest"))).toBe("alice:secret");
    expect(openCredential(sealed, randomBytes(32), credentialAad("c1", "digest"))).toBeNull();
    expect(openCredential(sealed, key, credentialAad("c2", "digest"))).toBeNull();
    expect(sealCredential("alice:secret", key, "x")).not.toBe(sealCredential("alice:secret", key, "x")); // fresh IV
  });
});

describe("cluster credentials in the database", () => {
  let clusterId: string;
  beforeAll(async () => {
    process.env.CONSOLE_SECRET_KEY = KEY;
    clusterId = (await createCluster({ name: `cred-${Date.now()}`, connectionString: "127.0.0.1:2181" })).id;
  });

  it("refuses to store a credential without a key, with a clear 400", async () => {
    delete process.env.CONSOLE_SECRET_KEY;
    await expect(addCredential({ ctx: actorCtx("admin"), clusterId, input: { scheme: "digest", credential: "alice:x" } })).rejects.toMatchObject({ code: "SECRET_KEY_MISSING", status: 400, message: expect.stringMatching(/CONSOLE_SECRET_KEY/) });
    process.env.CONSOLE_SECRET_KEY = KEY;
  });

  it("is admin-only and validates the input", async () => {
    await expect(addCredential({ ctx: actorCtx("editor"), clusterId, input: { scheme: "digest", credential: "alice:x" } })).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    await expect(listCredentials({ ctx: actorCtx("viewer"), clusterId })).rejects.toMatchObject({ status: 403 });
    await expect(addCredential({ ctx: actorCtx("admin"), clusterId, input: { scheme: "digest", credential: "no-colon" } })).rejects.toThrow(/user:password/);
    await expect(addCredential({ ctx: actorCtx("admin"), clusterId, input: { scheme: "ip", credential: "10.0.0.1" } })).rejects.toThrow(/not an add_auth scheme/);
  });

  it("stores only ciphertext, shows scheme + label, audits the change without the value, and survives a fresh read", async () => {
    const ctx = actorCtx("admin");
    const created = await addCredential({ ctx, clusterId, input: { scheme: "digest", credential: `alice:${PASSWORD}` } });
    expect(created).toEqual({ id: expect.any(String), scheme: "digest", label: "digest alice", createdAt: expect.any(Date) });
    expect(JSON.stringify(await listCredentials({ ctx, clusterId }))).not.toContain(PASSWORD);

    const row = await db().clusterCredential.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secret).toMatch(/^v1\./);
    expect(row.secret).not.toContain(PASSWORD);
    expect(databaseBytes().includes(Buffer.from(PASSWORD))).toBe(false);
    expect(databaseBytes().includes(Buffer.from(row.secret))).toBe(true); // the check reads the right file

    const audit = await auditEntryOfRequest(ctx.requestId);
    expect(audit).toMatchObject({ operation: "credentials_changed", outcome: "ok", details: { change: "added", scheme: "digest", label: "digest alice" } });
    const allAudit = await db().auditRecord.findMany();
    expect(JSON.stringify(allAudit)).not.toContain(PASSWORD);

    // What a restarted console does: read the rows again and decrypt with the same key.
    await db().$disconnect();
    expect(await sessionAuthOf({ id: clusterId, name: "x" })).toEqual([{ scheme: "digest", credential: `alice:${PASSWORD}` }]);
    const target = await sessionTargetOf({ id: clusterId, name: "x", connectionString: "127.0.0.1:2181", sessionTimeoutMs: 5000 });
    expect(target.auth).toEqual([{ scheme: "digest", credential: `alice:${PASSWORD}` }]);
  });

  it("fails start-up clearly when credentials exist and the key is missing or wrong", async () => {
    await expect(checkCredentialKey()).resolves.toBeUndefined();
    delete process.env.CONSOLE_SECRET_KEY;
    await expect(checkCredentialKey()).rejects.toThrow(/cluster credential\(s\) are stored encrypted, but CONSOLE_SECRET_KEY is not set/);
    await expect(sessionAuthOf({ id: clusterId, name: "c" })).rejects.toMatchObject({ code: "CREDENTIALS_LOCKED", status: 503 });
    process.env.CONSOLE_SECRET_KEY = randomBytes(32).toString("hex");
    await expect(checkCredentialKey()).rejects.toThrow(/does not decrypt/);
    process.env.CONSOLE_SECRET_KEY = KEY;
  });

  it("secrets:rotate re-seals every credential under the new key, and changes nothing when the current key is wrong", async () => {
    const NEW = randomBytes(32).toString("base64");
    // A SASL secret beside the credentials: sealed under the same key, so rotated with them.
    const sasl = JSON.stringify({ password: PASSWORD });
    await db().clusterSecurity.upsert({
      where: { clusterId },
      create: { clusterId, saslMechanism: "DIGEST-MD5", saslIdentity: "alice", saslSecret: sealCredential(sasl, credentialKey().key!, credentialAad(clusterId, "sasl")) },
      update: { saslMechanism: "DIGEST-MD5", saslIdentity: "alice", saslSecret: sealCredential(sasl, credentialKey().key!, credentialAad(clusterId, "sasl")) },
    });
    const rows = async () => ({ credentials: await db().clusterCredential.findMany({ orderBy: { id: "asc" } }), security: await db().clusterSecurity.findMany({ orderBy: { clusterId: "asc" } }) });
    const before = await rows();
    const sealedCount = before.credentials.length + before.security.reduce((n, r) => n + (r.tlsSecret ? 1 : 0) + (r.saslSecret ? 1 : 0), 0);
    expect(before.credentials.length).toBeGreaterThan(0);
    await expect(rotateCredentialKey(randomBytes(32).toString("hex"), NEW)).rejects.toThrow(/does not open \d+ of \d+ stored credential.*nothing was changed/);
    await expect(rotateCredentialKey(KEY, "short")).rejects.toThrow(/CONSOLE_SECRET_KEY_NEW is neither 32 bytes/);
    expect(await rows()).toEqual(before);
    // The test database is shared: the credentials go back under the suite's key right after.
    try {
      expect(await rotateCredentialKey(KEY, NEW)).toEqual({ resealed: sealedCount });
      await expect(checkCredentialKey()).rejects.toThrow(/does not decrypt/);
      process.env.CONSOLE_SECRET_KEY = NEW;
      await expect(checkCredentialKey()).resolves.toBeUndefined();
      const { saslSecret } = (await db().clusterSecurity.findUniqueOrThrow({ where: { clusterId } }));
      expect(openCredential(saslSecret!, credentialKey().key!, credentialAad(clusterId, "sasl"))).toBe(sasl);
    } finally {
      await rotateCredentialKey(NEW, KEY);
      process.env.CONSOLE_SECRET_KEY = KEY;
    }
    await expect(checkCredentialKey()).resolves.toBeUndefined();
    await db().clusterSecurity.delete({ where: { clusterId } });
    expect((await db().auditRecord.findFirst({ where: { operation: "credentials_key_rotated" }, orderBy: { id: "desc" } }))?.outcome).toBe("ok");
  });

  it("removes a credential, audited", async () => {
    const ctx = actorCtx("admin");
    const [first] = await listCredentials({ ctx, clusterId });
    await removeCredential({ ctx, clusterId, credentialId: first.id });
    expect(await listCredentials({ ctx, clusterId })).toEqual([]);
    expect(await auditEntryOfRequest(ctx.requestId)).toMatchObject({ operation: "credentials_changed", details: { change: "removed", label: "digest alice" } });
    await expect(removeCredential({ ctx: actorCtx("admin"), clusterId, credentialId: first.id })).rejects.toMatchObject({ status: 404 });
  });
});
