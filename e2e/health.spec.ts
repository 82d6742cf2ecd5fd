import { expect, test } from "@playwright/test";
import { modeOf, startEnsemble, type LocalEnsemble } from "../lib/ensemble/launcher";
import { closeSession, getClient } from "../lib/core/zk/sessions";
import { logIn } from "./pages/login-page";

// A real 3-member ensemble for this spec, registered through the API as an admin.
test.describe.serial("ensemble health, sessions, recipes and deployment", () => {
  let zk: LocalEnsemble;
  let clusterId: string;
  const name = `health-e2e-${Date.now()}`;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    zk = await startEnsemble({ size: 3 });
    for (let i = 0; i < 240 && !(await Promise.all(zk.members.map(modeOf))).every(Boolean); i++) await new Promise((r) => setTimeout(r, 250));
    // A lock held by another client, so the recipes page has something to show.
    const other = await getClient({ id: "health-e2e-locker", connectionString: zk.connectionString, sessionTimeoutMs: 30_000 });
    for (const p of ["/locks", "/locks/jobs"]) await other.create(p, Buffer.alloc(0), 0);
    await other.create("/locks/jobs/_c_3f2b1c4e-5d6a-4b7c-8d9e-0f1a2b3c4d5e-lock-", Buffer.from("worker"), 3);
    const page = await browser.newPage();
    await logIn(page);
    const res = await page.request.post("/api/v1/clusters", { data: { name, connectionString: zk.connectionString } });
    expect(res.status()).toBe(201);
    clusterId = ((await res.json()) as { cluster: { id: string } }).cluster.id;
    await page.close();
  });

  test.afterAll(async () => {
    closeSession("health-e2e-locker");
    await zk?.stopAll();
  });

  test("the health page shows three members with one leader and the quorum", async ({ page }) => {
    await logIn(page);
    await page.goto(`/clusters/${clusterId}/znodes`);
    await page.getByRole("link", { name: "Health", exact: true }).click();
    await expect(page).toHaveURL(/\/clusters\/[^/]+\/health$/);
    await expect(page.getByTestId("member-row")).toHaveCount(3);
    await expect(page.locator('[data-testid="member-row"][data-mode="leader"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="member-row"][data-mode="follower"]')).toHaveCount(2);
    await expect(page.locator('[data-testid="member-row"][data-state="up"]')).toHaveCount(3);
    await expect(page.getByTestId("quorum")).toContainText("3 of 3 voting members up");
    await expect(page.getByTestId("quorum")).toContainText("tolerates 1 more failure");
    await expect(page.getByTestId("leader")).toContainText(/server \d/);
    await expect(page.getByTestId("lag-table")).toBeVisible();
    await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  });

  test("the sessions page lists the locker's session and its ephemeral lock node", async ({ page }) => {
    await logIn(page);
    await page.goto(`/clusters/${clusterId}/sessions`);
    await expect(page.getByTestId("sessions-table")).toBeVisible();
    await expect(page.getByTestId("ephemerals-table")).toContainText("/locks/jobs/_c_3f2b1c4e-5d6a-4b7c-8d9e-0f1a2b3c4d5e-lock-0000000000");
  });

  test("the recipes page shows the lock holder; the admin sees force release", async ({ page }) => {
    await logIn(page);
    await page.goto(`/clusters/${clusterId}/recipes`);
    const card = page.getByTestId("recipe-card").filter({ hasText: "/locks/jobs" });
    await expect(card).toContainText("Curator InterProcessMutex");
    await expect(card.getByTestId("recipe-holder")).toContainText("lock-0000000000");
    await expect(card.getByRole("button", { name: "Force release…" })).toBeVisible();
  });

  test("the deploy page generates a validated configuration", async ({ page }) => {
    await logIn(page);
    await page.getByRole("link", { name: "Deploy" }).click();
    await expect(page).toHaveURL(/\/ensemble$/);
    await page.getByRole("button", { name: "Generate configuration" }).click();
    await expect(page.getByTestId("generated-files")).toContainText("zk1.example.com:2181,zk2.example.com:2181,zk3.example.com:2181");
    await page.getByRole("button", { name: "member-2/zoo.cfg" }).click();
    await expect(page.getByTestId("file-content")).toContainText("server.2=zk2.example.com:2888:3888;2181");
    await page.getByLabel("Host of member 2").fill("zk1.example.com");
    await page.getByRole("button", { name: "Generate configuration" }).click();
    await expect(page.getByTestId("deploy-errors")).toContainText("zk1.example.com:2181 is used twice");
  });
});
