// Hostile identity-provider claims through next-auth's own sign-in callback (as it calls it after
// the IdP's answer: the raw claims as `profile`, their subject as the account id), the bootstrap
// admin beside an SSO account holding its username, and the session lifetime.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db/client";
import { actorForToken } from "@/lib/access/session";
import { sessionMaxAgeSeconds } from "@/lib/access/session-age";
import { listUsers } from "@/lib/admin/users";
import { actorCtx } from "@/test/support/actors";
import { ensureBootstrapAdmin } from "./bootstrap-admin";
import { assertAuthConfig } from "./config-check";
import { authorizeCredentials } from "./credentials-login";
import { authOptionsFor } from "./options";
import { CLOCK_SKEW_SECONDS, MAX_GROUPS } from "./sso-claims";

const signIn = (claims: Record<string, unknown>, provider = "oidc") => {
  const subject = provider === "github" ? claims.id : claims.sub;
  const account = { provider, type: "oauth" as const, providerAccountId: String(subject) };
  return authOptionsFor({ sourceIp: "10.9.8.7" }).callbacks!.signIn!({ account, profile: claims, user: { id: String(subject) } } as never);
};
const userOf = (subject: string, provider = "oidc") => db().user.findUnique({ where: { provider_subject: { provider, subject } } });
const tag = () => randomUUID().slice(0, 8);

describe("identity provider claims", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of ["ADMIN_USERNAME", "ADMIN_PASSWORD", "SESSION_MAX_AGE"]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it("refuses a subject that is not a non-empty string, so different people never collapse into one account", async () => {
    const before = await db().user.count();
    for (const sub of [null, 42, { id: "x" }, ["a"], "", "   ", undefined]) {
      expect(await signIn({ sub, name: `bad-${tag()}` }), JSON.stringify(sub)).toBe("/login?error=BadSubject");
    }
    expect(await db().user.count()).toBe(before);
    for (const s of ["null", "42", "[object Object]", "a", "", "undefined"]) expect(await userOf(s)).toBeNull();
    const refused = await db().auditRecord.findFirst({ where: { operation: "login_failed", actorProvider: "oidc" }, orderBy: { id: "desc" } });
    expect(refused?.error).toMatch(/no usable subject \(sub must be a non-empty string\)/);
    // GitHub's subject is its numeric account id; anything else is refused there too.
    const gh = Math.floor(Math.random() * 1e9) + 1;
    expect(await signIn({ id: gh, login: `gh-${tag()}` }, "github")).toBe(true);
    expect(await userOf(String(gh), "github")).not.toBeNull();
    expect(await signIn({ id: "12", login: "x" }, "github")).toBe("/login?error=BadSubject");
  });

  it("ignores a name, email or username of the wrong shape instead of failing the sign-in", async () => {
    const sub = `s-${tag()}`;
    expect(await signIn({ sub, name: { first: "Eve" }, email: "not an email", preferred_username: 7 })).toBe(true);
    const user = await userOf(sub);
    expect(user).toMatchObject({ name: null, subject: sub });
    // With no usable username claim the subject names the account.
    expect(user?.username).toBe(sub);
    const good = `g-${tag()}`;
    expect(await signIn({ sub: good, name: "Grace", email: "grace@example.org", preferred_username: `grace-${tag()}` })).toBe(true);
    expect(await userOf(good)).toMatchObject({ name: "Grace" });
  });

  it(`refuses a token issued more than ${CLOCK_SKEW_SECONDS} s in the future, and accepts one within the skew`, async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await signIn({ sub: `f-${tag()}`, iat: now + 10 * 60 })).toBe("/login?error=IssuedInFuture");
    expect(await signIn({ sub: `f-${tag()}`, iat: now + CLOCK_SKEW_SECONDS / 2 })).toBe(true);
  });

  it(`keeps ${MAX_GROUPS} groups and says how many were dropped: in the audit record and on the admin's user list`, async () => {
    const sub = `many-${tag()}`;
    const groups = [...Array.from({ length: MAX_GROUPS + 40 }, (_, i) => `g${i}`), 5, "", "x".repeat(300)];
    expect(await signIn({ sub, preferred_username: sub, groups })).toBe(true);
    const user = (await userOf(sub))!;
    expect(JSON.parse(user.groups)).toHaveLength(MAX_GROUPS);
    expect(user.groupsDropped).toBe(43);
    const login = await db().auditRecord.findFirst({ where: { operation: "login", actorId: user.id }, orderBy: { id: "desc" } });
    expect(JSON.parse(login!.details!)).toMatchObject({ groupsDropped: 43 });
    const listed = (await listUsers({ ctx: actorCtx("admin") })).users.find((u) => u.id === user.id);
    expect(listed).toMatchObject({ groupsDropped: 43 });
    // A later sign-in with a short list clears it.
    await signIn({ sub, groups: ["a"] });
    expect((await userOf(sub))?.groupsDropped).toBe(0);
  });

  it("never lets the bootstrap admin adopt an SSO account holding its username", async () => {
    const name = `boot-${tag()}`;
    process.env.ADMIN_USERNAME = name;
    process.env.ADMIN_PASSWORD = "operator-password-1234";
    // An IdP user asking for the reserved name does not get it.
    const early = `e-${tag()}`;
    expect(await signIn({ sub: early, preferred_username: name })).toBe(true);
    expect((await userOf(early))?.username).not.toBe(name);
    // One that holds it already (made before this rule, or by hand) is moved aside, untouched otherwise.
    const sso = await db().user.create({ data: { username: name, provider: "oidc", subject: `held-${tag()}`, role: "viewer", passwordHash: null } });
    await ensureBootstrapAdmin();
    const admin = await db().user.findUniqueOrThrow({ where: { username: name } });
    expect(admin).toMatchObject({ provider: "credentials", role: "admin" });
    expect(admin.id).not.toBe(sso.id);
    expect(await db().user.findUniqueOrThrow({ where: { id: sso.id } })).toMatchObject({ provider: "oidc", role: "viewer", passwordHash: null, username: expect.stringContaining(`${name}@oidc`) });
    expect(await authorizeCredentials({ username: name, password: "operator-password-1234" }, null)).toMatchObject({ id: admin.id });
    // An SSO account never signs in with a password, even one that somehow has a hash.
    await db().user.update({ where: { id: sso.id }, data: { passwordHash: admin.passwordHash } });
    const aside = (await db().user.findUniqueOrThrow({ where: { id: sso.id } })).username;
    expect(await authorizeCredentials({ username: aside, password: "operator-password-1234" }, null)).toBeNull();
  });

  it("ends a session SESSION_MAX_AGE seconds after its sign-in, and refuses a bad value at start", async () => {
    const user = await db().user.create({ data: { username: `age-${tag()}`, role: "viewer" } });
    process.env.SESSION_MAX_AGE = "3600";
    expect(authOptionsFor({ sourceIp: null }).session?.maxAge).toBe(3600);
    expect(await actorForToken({ uid: user.id, loginAt: Date.now() - 3000 * 1000 })).not.toBeNull();
    expect(await actorForToken({ uid: user.id, loginAt: Date.now() - 3700 * 1000 })).toBeNull();
    delete process.env.SESSION_MAX_AGE;
    expect(sessionMaxAgeSeconds()).toBe(8 * 3600);
    for (const bad of ["0", "abc", "59", String(31 * 24 * 3600)]) {
      expect(() => assertAuthConfig({ ...process.env, SESSION_MAX_AGE: bad })).toThrow(/SESSION_MAX_AGE must be a whole number of seconds/);
    }
  });
});
