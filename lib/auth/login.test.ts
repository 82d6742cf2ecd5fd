// Sign-in flows against the real database: password sign-in with its rate limit, first SSO
// sign-ins with the default role and group mappings, and the audit records all of them leave.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db/client";
import { authorizeCredentials, LoginRefused } from "./credentials-login";
import { hashPassword } from "./password";
import { LOGIN_LIMIT } from "./rate-limit";
import { actorForToken } from "@/lib/access/session";
import { completeSsoLogin } from "./sso-login";
import { groupsFromClaims } from "./sso-claims";
import { grant } from "@/test/support/auth";
import { can } from "@/lib/access/permissions";
import { assertAuthConfig } from "./config-check";

const lastRecord = (operation: string, actorName: string) => db().auditRecord.findFirst({ where: { operation, actorName }, orderBy: { id: "desc" } });

describe("password sign-in", () => {
  const account = async () => {
    const username = `pw-${randomUUID().slice(0, 8)}`;
    await db().user.create({ data: { username, role: "editor", passwordHash: hashPassword("right-password") } });
    return username;
  };

  it("signs in with the right password and audits it with the source address", async () => {
    const username = await account();
    expect(await authorizeCredentials({ username, password: "right-password" }, "10.1.2.3")).toMatchObject({ name: username });
    expect(await lastRecord("login", username)).toMatchObject({ outcome: "ok", sourceIp: "10.1.2.3", actorProvider: "credentials" });
    expect((await db().user.findUniqueOrThrow({ where: { username } })).lastLoginAt).not.toBeNull();
  });

  it("audits a wrong password and an unknown user as failed logins", async () => {
    const username = await account();
    expect(await authorizeCredentials({ username, password: "wrong" }, "10.1.2.4")).toBeNull();
    expect(await lastRecord("login_failed", username)).toMatchObject({ outcome: "failed", error: "wrong username or password", sourceIp: "10.1.2.4" });
    expect(await authorizeCredentials({ username: "nobody-" + username, password: "x" }, "10.1.2.4")).toBeNull();
    expect(await lastRecord("login_failed", "nobody-" + username)).toMatchObject({ outcome: "failed" });
  });

  it(`pauses a username+address after ${LOGIN_LIMIT.failures} failures, even for the right password, but not other addresses`, async () => {
    const username = await account();
    for (let i = 0; i < LOGIN_LIMIT.failures; i++) expect(await authorizeCredentials({ username, password: `wrong-${i}` }, "10.9.9.9")).toBeNull();
    const refused = await authorizeCredentials({ username, password: "right-password" }, "10.9.9.9").catch((e) => e);
    expect(refused).toBeInstanceOf(LoginRefused);
    expect(refused.message).toMatch(/Too many failed sign-ins for .*wait 5 minutes/);
    expect(await lastRecord("login_rate_limited", username)).toMatchObject({ outcome: "failed", sourceIp: "10.9.9.9" });
    expect(await authorizeCredentials({ username, password: "right-password" }, "10.9.9.10")).toMatchObject({ name: username });
  });

  it("refuses a disabled account", async () => {
    const username = await account();
    await db().user.update({ where: { username }, data: { disabled: true } });
    expect(await authorizeCredentials({ username, password: "right-password" }, null)).toBeNull();
    expect(await lastRecord("login_failed", username)).toMatchObject({ error: "the account is disabled" });
  });
});

describe("SSO sign-in", () => {
  afterEach(async () => {
    await db().setting.deleteMany({ where: { key: "defaultRole" } });
    delete process.env.DEFAULT_ROLE;
  });
  const identity = (groups: string[] = []) => ({ provider: "oidc", subject: randomUUID(), name: "Ada", preferredUsername: `ada-${randomUUID().slice(0, 6)}`, groups });

  it("creates an unknown user with the default role (viewer) and records its groups", async () => {
    const id = identity(["ops", "dev"]);
    const r = await completeSsoLogin(id, "10.0.0.1");
    expect(r).toHaveProperty("userId");
    const user = await db().user.findUniqueOrThrow({ where: { id: (r as { userId: string }).userId } });
    expect(user).toMatchObject({ provider: "oidc", subject: id.subject, role: "viewer", username: id.preferredUsername, groups: '["ops","dev"]' });
    expect(await lastRecord("login", id.preferredUsername)).toMatchObject({ outcome: "ok", actorProvider: "oidc", sourceIp: "10.0.0.1" });
  });

  it("maps IdP groups to grants: a group grant gives its members the role, narrowed to a path", async () => {
    const group = `zk-prod-editors-${randomUUID().slice(0, 6)}`;
    const cluster = await db().cluster.create({ data: { name: `prod-${group}`, connectionString: "127.0.0.1:2181", environment: "prod" } });
    await grant({ group }, "editor", { clusterId: cluster.id, pathPrefix: "/app/config" });
    const r = (await completeSsoLogin(identity([group]), null)) as { userId: string };
    const actor = (await actorForToken({ uid: r.userId, loginAt: Date.now() }))!;
    expect(can(actor, "write", cluster, "/app/config/db")).toBe(true);
    expect(can(actor, "write", cluster, "/app/other")).toBe(false);
    expect(can(actor, "read", cluster, "/app/other")).toBe(true); // the default viewer role
  });

  it("with default role none, refuses an unknown user without a group mapping and admits one with it", async () => {
    await db().setting.create({ data: { key: "defaultRole", value: '"none"' } });
    const lonely = identity(["nobody-maps-this"]);
    expect(await completeSsoLogin(lonely, null)).toEqual({ refused: "NoAccess" });
    expect(await db().user.findFirst({ where: { subject: lonely.subject } })).toBeNull();
    expect(await lastRecord("login_failed", lonely.preferredUsername)).toMatchObject({ error: expect.stringMatching(/default role is none/) });

    const group = `zk-viewers-${randomUUID().slice(0, 6)}`;
    await grant({ group }, "viewer");
    const mapped = (await completeSsoLogin(identity([group]), null)) as { userId: string };
    expect(await db().user.findUniqueOrThrow({ where: { id: mapped.userId } })).toMatchObject({ role: "none" });
  });

  it("takes DEFAULT_ROLE from the environment when no admin setting exists", async () => {
    process.env.DEFAULT_ROLE = "editor";
    const r = (await completeSsoLogin(identity(), null)) as { userId: string };
    expect((await db().user.findUniqueOrThrow({ where: { id: r.userId } })).role).toBe("editor");
    process.env.DEFAULT_ROLE = "superuser";
    expect(() => assertAuthConfig({ ...process.env, NODE_ENV: "test" })).toThrow(/DEFAULT_ROLE=superuser is not valid/);
  });

  it("refuses a disabled user and refreshes groups at every sign-in", async () => {
    const id = identity(["a"]);
    const r = (await completeSsoLogin(id, null)) as { userId: string };
    await completeSsoLogin({ ...id, groups: ["b"] }, null);
    expect((await db().user.findUniqueOrThrow({ where: { id: r.userId } })).groups).toBe('["b"]');
    await db().user.update({ where: { id: r.userId }, data: { disabled: true } });
    expect(await completeSsoLogin(id, null)).toEqual({ refused: "Disabled" });
  });

  it("reads the groups claim, also at a dotted path, keeping only strings", () => {
    expect(groupsFromClaims({ groups: ["a", 1, "", "b", "a"] })).toEqual({ groups: ["a", "b"], dropped: 2 });
    expect(groupsFromClaims({ realm_access: { roles: ["x"] } }, "realm_access.roles")).toEqual({ groups: ["x"], dropped: 0 });
    expect(groupsFromClaims({ groups: "solo" })).toEqual({ groups: ["solo"], dropped: 0 });
    expect(groupsFromClaims({})).toEqual({ groups: [], dropped: 0 });
  });
});

describe("start-up configuration", () => {
  it("requires NEXTAUTH_SECRET in production with a clear message", () => {
    expect(() => assertAuthConfig({ NODE_ENV: "production" } as NodeJS.ProcessEnv)).toThrow(/NEXTAUTH_SECRET is required in production/);
    expect(() => assertAuthConfig({ NODE_ENV: "production", NEXTAUTH_SECRET: "s" } as NodeJS.ProcessEnv)).not.toThrow();
    expect(() => assertAuthConfig({ NODE_ENV: "development" } as NodeJS.ProcessEnv)).not.toThrow();
  });

  it("refuses a half-configured OIDC provider", () => {
    expect(() => assertAuthConfig({ NODE_ENV: "test", OIDC_ISSUER: "https://idp.example" } as NodeJS.ProcessEnv)).toThrow(/OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is missing/);
  });
});
