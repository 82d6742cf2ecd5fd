import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eZooKeeper as zk } from "./pages/clusters-page";
import { ADMIN, logIn } from "./pages/login-page";
import { ZnodeApi, ZnodePage } from "./pages/znode-page";

const PASSWORD = "quartz-violet-harbor-42";

/** A page of its own (its own cookies) signed in as a local account. */
async function signedIn(browser: Browser, username: string, password = PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

test.describe.serial("four-eyes review of a write under a protected path, by two local accounts", () => {
  const stamp = Date.now();
  const root = `/e2e-cr-${stamp}`;
  const node = `${root}/config`;
  const author = `author-${stamp}`;
  const reviewer = `reviewer-${stamp}`;
  let clusterId = "";

  test("an admin protects a path and makes two local editors", async ({ page }) => {
    await logIn(page);
    const created = await page.request.post("/api/v1/clusters", { data: { name: `cr-${stamp}`, connectionString: zk() } });
    expect(created.status()).toBe(201);
    clusterId = (await created.json()).cluster.id;
    const api = new ZnodeApi(page.request, clusterId);
    await api.create(root);
    await api.create(node, "timeout=5");
    const protection = await page.request.post(`/api/v1/clusters/${clusterId}/protections`, { data: { pathPrefix: root, approvals: 1 } });
    expect(protection.status(), await protection.text()).toBe(201);
    for (const username of [author, reviewer]) {
      const user = await page.request.post("/api/v1/admin/users", { data: { username, password: PASSWORD, displayName: username } });
      expect(user.status(), await user.text()).toBe(201);
      const grant = await page.request.post("/api/v1/admin/grants", { data: { subjectType: "user", subject: (await user.json()).user.id, role: "editor", clusterId } });
      expect(grant.status(), await grant.text()).toBe(201);
    }
  });

  test("the author's save becomes a change request and ZooKeeper is unchanged; the reviewer approves it and it is applied", async ({ browser, page }) => {
    const authorPage = await signedIn(browser, author);
    await expect(authorPage).toHaveURL(/\/clusters/);
    const zp = new ZnodePage(authorPage, clusterId);
    await zp.goto(node);
    await zp.openEditor();
    await zp.typeValue("timeout=30");
    await zp.review();
    await zp.save();
    const held = authorPage.getByTestId("held-for-review");
    await expect(held).toContainText("Submitted for review");
    const link = held.getByRole("link", { name: /Open change request #\d+/ });
    const id = Number(((await link.textContent()) ?? "").replace(/\D+/g, ""));

    await logIn(page, ADMIN);
    const api = new ZnodeApi(page.request, clusterId);
    expect((await api.get(node))?.data.text).toBe("timeout=5");

    // The author sees its request but may not approve it.
    await link.click();
    await expect(authorPage.getByTestId("change-review")).toContainText(`Change request #${id}`);
    await expect(authorPage.getByTestId("change-status").first()).toHaveText("pending");
    await expect(authorPage.getByRole("button", { name: "Approve" })).toHaveCount(0);

    const reviewerPage = await signedIn(browser, reviewer);
    await expect(reviewerPage.getByTestId("pending-reviews")).toHaveText(/1/);
    await reviewerPage.getByTestId("changes-link").click();
    await reviewerPage.getByTestId("change-requests").getByRole("link", { name: `#${id}` }).click();
    const ops = reviewerPage.getByTestId("change-ops");
    await expect(ops).toContainText(node);
    await expect(ops.getByTestId("value-diff").locator('[data-kind="del"]')).toContainText("timeout=5");
    await expect(ops.getByTestId("value-diff").locator('[data-kind="add"]')).toContainText("timeout=30");
    await reviewerPage.getByLabel("Comment").fill("looks right");
    await reviewerPage.getByRole("button", { name: "Approve" }).click();
    await expect(reviewerPage.getByTestId("change-status").first()).toHaveText("applied");
    await expect(reviewerPage.getByTestId("change-timeline")).toContainText("looks right");
    expect((await api.get(node))?.data.text).toBe("timeout=30");
  });

  test("an account whose password an admin set must change it before anything else", async ({ browser, page }) => {
    await logIn(page);
    const username = `fresh-${stamp}`;
    const user = await page.request.post("/api/v1/admin/users", { data: { username, password: PASSWORD, mustChangePassword: true } });
    expect(user.status(), await user.text()).toBe(201);
    const fresh = await signedIn(browser, username);
    await expect(fresh).toHaveURL(/\/account\/password/);
    expect((await fresh.request.get("/api/v1/clusters")).status()).toBe(403);
    await fresh.getByLabel("Current password").fill(PASSWORD);
    await fresh.getByLabel("New password", { exact: true }).fill("amber-glacier-tundra-77");
    await fresh.getByLabel("New password again").fill("amber-glacier-tundra-77");
    await fresh.getByRole("button", { name: "Change password" }).click();
    await expect(fresh).toHaveURL(/\/clusters/);
    expect((await fresh.request.get("/api/v1/clusters")).status()).toBe(200);
  });
});
