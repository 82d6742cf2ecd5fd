import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./pages/login-page";
import { ssoLogIn } from "./fixtures/sso-login";
import { e2eZooKeeper as zk } from "./pages/clusters-page";


/** The JSON API as the page's signed-in user (same cookies, same origin). */
const api = (page: Page) => page.request;

test.describe.serial("single sign-on through a real OIDC provider, roles from group mappings", () => {
  const name = `sso-${Date.now()}`;
  let clusterId = "";

  test("an admin registers a cluster and maps the IdP group zk-editors to editor on it", async ({ page }) => {
    await logIn(page);
    const created = await api(page).post("/api/v1/clusters", { data: { name, connectionString: zk() } });
    expect(created.status()).toBe(201);
    clusterId = (await created.json()).cluster.id;

    await page.goto("/admin/groups");
    const form = page.getByRole("form", { name: "Map a group" });
    await form.getByLabel("Group").fill("zk-editors");
    await form.getByLabel("Role").selectOption("editor");
    await form.getByLabel("Cluster").selectOption({ label: name });
    await form.getByLabel("Only under path").fill("/app");
    await form.getByRole("button", { name: "Map group" }).click();
    await expect(page.getByTestId("grants-table")).toContainText("zk-editors");
    await expect(page.getByTestId("grants-table")).toContainText(name);
  });

  test("carol (group zk-editors) signs in through the IdP and may edit under /app on that cluster only", async ({ page }) => {
    await ssoLogIn(page, "carol");
    await expect(page.getByTestId("current-user")).toContainText("Carol Editor");
    const node = await api(page).get(`/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent("/app/config/database")}`);
    expect(node.status()).toBe(200);
    expect((await node.json()).permissions.write).toBe(true);
    const outside = await api(page).get(`/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent("/deep")}`);
    expect((await outside.json()).permissions.write).toBe(false);

    await page.goto(`/clusters/${clusterId}/znodes/app/config/database`);
    await expect(page.getByTestId("znode-data")).toContainText("db.internal");
    await expect(page.getByRole("button", { name: /^Edit/ })).toBeVisible();
  });

  test("carol's change shows in the znode's History tab with its diff, and she restores the value before it", async ({ page }) => {
    await ssoLogIn(page, "carol");
    const path = "/app/config/database";
    const url = `/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent(path)}`;
    const before = await (await api(page).get(url)).json();
    const changed = JSON.stringify({ host: "db.changed", port: 5432 }, null, 2);
    const put = await api(page).put(url, { data: { data: changed, version: before.stat.version, reason: "e2e history" } });
    expect(put.status()).toBe(200);

    await page.goto(`/clusters/${clusterId}/znodes/app/config/database`);
    await page.getByRole("tab", { name: "History" }).click();
    const entry = page.getByTestId("history-entry").first();
    await expect(entry).toContainText("set data");
    await expect(entry).toContainText("Carol Editor");
    await expect(entry).toContainText("e2e history");
    await expect(entry.getByTestId("value-diff")).toContainText("db.changed");
    await entry.getByRole("button", { name: "Restore the value before this change" }).click();
    await entry.getByRole("group", { name: "Confirm restore" }).getByRole("button", { name: "Restore", exact: true }).click();
    await expect(page.getByTestId("znode-history")).toContainText(/Restored: .* is now at version/);
    const after = await (await api(page).get(url)).json();
    expect(after.data.text).toBe(before.data.text);
    await expect(page.getByTestId("history-entry").first()).toContainText("restore");
  });

  test("victor (no mapped group) gets the default viewer role: no edit controls, and the write API refuses", async ({ page }) => {
    await ssoLogIn(page, "victor");
    await expect(page.getByTestId("current-user")).toContainText("viewer");
    const path = "/app/config/database";
    const node = await api(page).get(`/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent(path)}`);
    const body = await node.json();
    expect(body.permissions).toEqual({ write: false, admin: false });

    await page.goto(`/clusters/${clusterId}/znodes/app/config/database`);
    await expect(page.getByTestId("znode-data")).toContainText("db.internal");
    await expect(page.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);

    const put = await api(page).put(`/api/v1/clusters/${clusterId}/znode?path=${encodeURIComponent(path)}`, { data: { data: "hacked", version: body.stat.version } });
    expect(put.status()).toBe(403);
    const admin = await api(page).get("/api/v1/admin/users");
    expect(admin.status()).toBe(403);
    await page.goto("/admin/users");
    await expect(page.getByTestId("admins-only")).toBeVisible();
  });

  test("with the default role none, an unknown user without a mapped group is refused with a clear page", async ({ page, browser }) => {
    await logIn(page);
    expect((await api(page).patch("/api/v1/admin/settings", { data: { defaultRole: "none" } })).status()).toBe(200);
    try {
      const other = await browser.newPage();
      await ssoLogIn(other, "nora", { expectConsole: false });
      await expect(other).toHaveURL(/\/login\?error=NoAccess/);
      await expect(other.getByTestId("login-problem")).toContainText("No access yet");
      const list = await other.request.get("/api/v1/clusters");
      expect(list.status()).toBe(401);
      await other.close();
    } finally {
      await api(page).patch("/api/v1/admin/settings", { data: { defaultRole: "viewer" } });
    }
  });

  test("the admin sees the SSO users with their groups and grants, and their sign-ins in the audit trail", async ({ page }) => {
    await logIn(page);
    await page.goto("/admin/users");
    const carol = page.getByTestId("user-row").filter({ hasText: "carol" });
    await expect(carol).toContainText("zk-editors");
    await expect(carol).toContainText(`editor on ${name} under /app`);
    await expect(carol).toContainText("oidc");

    await page.goto("/audit?operation=login_failed");
    await expect(page.getByTestId("audit-table")).toContainText("nora");
    await page.goto("/audit?operation=login");
    await expect(page.getByTestId("audit-table")).toContainText("carol");
    const exported = await api(page).get("/api/v1/audit/export?format=csv&operation=login");
    expect(exported.headers()["content-type"]).toContain("text/csv");
    expect(await exported.text()).toContain("carol");
  });

  test("the admin verifies the audit trail's hash chain and opens a record's diff", async ({ page }) => {
    await logIn(page);
    await page.goto("/admin");
    await page.getByRole("button", { name: "Verify the audit trail" }).click();
    await expect(page.getByTestId("verify-result")).toContainText(/Intact: \d+ records checked/);
    await page.goto("/audit?operation=restore");
    await page.getByTestId("audit-row").first().getByRole("link").click();
    await expect(page.getByTestId("audit-entry")).toContainText("Carol Editor");
    await expect(page.getByTestId("value-diff")).toContainText("db.changed");
  });

  test("disabling a user ends its session at its next request", async ({ page, browser }) => {
    const victor = await browser.newPage();
    await ssoLogIn(victor, "victor");
    expect((await victor.request.get("/api/v1/clusters")).status()).toBe(200);

    await logIn(page);
    const users = (await (await api(page).get("/api/v1/admin/users")).json()).users as { id: string; username: string }[];
    const id = users.find((u) => u.username === "victor")!.id;
    expect((await api(page).patch(`/api/v1/admin/users/${id}`, { data: { disabled: true } })).status()).toBe(200);

    expect((await victor.request.get("/api/v1/clusters")).status()).toBe(401);
    await victor.goto("/clusters");
    await expect(victor).toHaveURL(/\/login/);
    await victor.close();
    await api(page).patch(`/api/v1/admin/users/${id}`, { data: { disabled: false } });
  });
});
