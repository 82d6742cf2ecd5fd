// Local accounts through the real routes and next-auth's password sign-in: created by an admin
// with the password rules, disabled, reset; mustChangePassword refuses every other call until the
// user chose its own password; local and SSO accounts stay apart; ADMIN_LOGIN=disabled ends
// password sign-in for all of them.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as usersRoute from "@/app/api/v1/admin/users/route";
import * as userRoute from "@/app/api/v1/admin/users/[id]/route";
import * as resetRoute from "@/app/api/v1/admin/users/[id]/password/route";
import * as ownPasswordRoute from "@/app/api/v1/account/password/route";
import * as clustersRoute from "@/app/api/v1/clusters/route";
import { authorizeCredentials } from "@/lib/auth/credentials-login";
import { authOptionsFor } from "@/lib/auth/options";
import { completeSsoLogin } from "@/lib/auth/sso-login";
import { passwordProblem } from "@/lib/auth/password-rules";
import { db } from "@/lib/core/db/client";
import { callRoute, makeUser } from "@/test/support/auth";

const STRONG = "copper-meadow-lantern-7";

describe("local accounts", () => {
  let admin: string;
  beforeAll(async () => {
    admin = (await makeUser("admin")).id;
  });
  afterEach(() => {
    delete process.env.ADMIN_LOGIN;
  });

  const create = (body: unknown) => callRoute(usersRoute.POST, "POST", "/api/v1/admin/users", {}, { userId: admin, body });
  const fresh = () => `local-${Math.random().toString(36).slice(2, 8)}`;

  it("password rules: length, not the username, not a common password", () => {
    expect(passwordProblem("short-pw", "alice")).toMatch(/at least 12/);
    expect(passwordProblem("alice-alice-alice", "alice")).toMatch(/username/);
    expect(passwordProblem("Password1234", "bob")).toMatch(/common/);
    expect(passwordProblem("qwertyuiop123", "bob")).toMatch(/common/);
    expect(passwordProblem("aaaaaaaaaaaaaa", "bob")).not.toBeNull();
    expect(passwordProblem(STRONG, "bob")).toBeNull();
  });

  it("an admin creates a local account that signs in with its password; weak passwords and taken names are refused", async () => {
    const username = fresh();
    expect((await create({ username, password: "password1234", displayName: "Weak" })).json.error).toMatchObject({ code: "WEAK_PASSWORD", details: { field: "password" } });
    const r = await create({ username, password: STRONG, displayName: "Local User", role: "editor" });
    expect(r.status).toBe(201);
    expect(r.json.user).toMatchObject({ username, name: "Local User", provider: "credentials", role: "editor", mustChangePassword: false });
    expect(JSON.stringify(r.json)).not.toContain("scrypt");
    expect((await create({ username, password: STRONG })).json.error.code).toBe("USERNAME_TAKEN");
    expect(await authorizeCredentials({ username, password: STRONG }, "127.0.0.1")).toMatchObject({ id: r.json.user.id });
    expect(await authorizeCredentials({ username, password: "wrong-password-123" }, "127.0.0.1")).toBeNull();
    // A viewer may not create accounts.
    const viewer = (await makeUser("viewer")).id;
    expect((await callRoute(usersRoute.POST, "POST", "/api/v1/admin/users", {}, { userId: viewer, body: { username: fresh(), password: STRONG } })).status).toBe(403);
  });

  it("a disabled local account cannot sign in", async () => {
    const r = await create({ username: fresh(), password: STRONG });
    await callRoute(userRoute.PATCH, "PATCH", `/api/v1/admin/users/${r.json.user.id}`, { id: r.json.user.id }, { userId: admin, body: { disabled: true } });
    expect(await authorizeCredentials({ username: r.json.user.username, password: STRONG }, "127.0.0.1")).toBeNull();
  });

  it("mustChangePassword: every other call is refused until the user changed its password", async () => {
    const r = await create({ username: fresh(), password: STRONG, mustChangePassword: true });
    const id = r.json.user.id as string;
    const refused = await callRoute(clustersRoute.GET, "GET", "/api/v1/clusters", {}, { userId: id });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("PASSWORD_CHANGE_REQUIRED");
    const change = (body: unknown) => callRoute(ownPasswordRoute.POST, "POST", "/api/v1/account/password", {}, { userId: id, body });
    expect((await change({ currentPassword: "not-it-at-all", newPassword: "another-strong-pass-9" })).json.error.code).toBe("WRONG_PASSWORD");
    expect((await change({ currentPassword: STRONG, newPassword: STRONG })).json.error.code).toBe("WEAK_PASSWORD");
    expect((await change({ currentPassword: STRONG, newPassword: "another-strong-pass-9" })).status).toBe(200);
    expect((await callRoute(clustersRoute.GET, "GET", "/api/v1/clusters", {}, { userId: id })).status).toBe(200);
    expect(await authorizeCredentials({ username: r.json.user.username, password: "another-strong-pass-9" }, "127.0.0.1")).toMatchObject({ id });
  });

  it("an admin's reset sets a new password, ends the user's sessions and by default requires a change", async () => {
    const r = await create({ username: fresh(), password: STRONG });
    const id = r.json.user.id as string;
    const reset = await callRoute(resetRoute.POST, "POST", `/api/v1/admin/users/${id}/password`, { id }, { userId: admin, body: { password: "reset-by-admin-pass-3" } });
    expect(reset.json.user.mustChangePassword).toBe(true);
    expect((await db().user.findUniqueOrThrow({ where: { id } })).sessionsRevokedAt).not.toBeNull();
    expect(await authorizeCredentials({ username: r.json.user.username, password: STRONG }, "127.0.0.1")).toBeNull();
    expect(await authorizeCredentials({ username: r.json.user.username, password: "reset-by-admin-pass-3" }, "127.0.0.1")).toMatchObject({ id });
    const ops = (await db().auditRecord.findMany({ where: { operation: { in: ["user_create", "user_password_reset"] } }, select: { operation: true, details: true } }));
    expect(ops.some((o) => o.operation === "user_password_reset" && o.details?.includes(id))).toBe(true);
    expect(ops.every((o) => !o.details?.includes("reset-by-admin-pass-3"))).toBe(true);
  });

  it("an SSO account is never merged with a local one of the same name, and has no password to reset", async () => {
    const username = fresh();
    const local = await create({ username, password: STRONG });
    const sso = await completeSsoLogin({ provider: "oidc", subject: `sub-${username}`, preferredUsername: username, groups: [] }, null);
    expect("userId" in sso && sso.userId).not.toBe(local.json.user.id);
    const ssoId = (sso as { userId: string }).userId;
    expect((await db().user.findUniqueOrThrow({ where: { id: ssoId } })).passwordHash).toBeNull();
    const reset = await callRoute(resetRoute.POST, "POST", `/api/v1/admin/users/${ssoId}/password`, { id: ssoId }, { userId: admin, body: { password: STRONG } });
    expect(reset.json.error.code).toBe("NOT_LOCAL_ACCOUNT");
  });

  it("ADMIN_LOGIN=disabled offers no password sign-in for any account", () => {
    process.env.ADMIN_LOGIN = "disabled";
    expect(authOptionsFor({ sourceIp: null }).providers.map((p) => p.id)).not.toContain("credentials");
  });
});
