import { expect, test } from "@playwright/test";
import { clusterIdByName, registerCluster, e2eZooKeeper as zk } from "./pages/clusters-page";
import { logIn } from "./pages/login-page";


test.describe.serial("browsing a real ZooKeeper tree", () => {
  const name = `e2e-${Date.now()}`;

  test("an operator logs in and registers a cluster", async ({ page }) => {
    await logIn(page);
    await registerCluster(page, name, zk());
  });

  test("browses into a deep node through the tree and sees data and stat", async ({ page }) => {
    await logIn(page);
    const id = await clusterIdByName(page, name);
    await page.goto(`/clusters/${id}/znodes`);
    const tree = page.getByRole("tree", { name: "Znodes" });
    for (const seg of ["deep", "level-1", "level-2", "level-3", "level-4", "leaf"]) {
      await tree.getByRole("treeitem", { name: seg, exact: true }).first().click();
      await expect(page.getByTestId("breadcrumbs")).toContainText(seg);
    }
    await expect(page).toHaveURL(new RegExp(`/clusters/${name}/znodes/deep/level-1/level-2/level-3/level-4/leaf$`));
    await expect(page.getByTestId("znode-data")).toContainText('"answer": 42');
    const stat = page.getByTestId("stat-table");
    for (const field of ["czxid", "mzxid", "pzxid", "ctime", "mtime", "version", "cversion", "aversion", "ephemeralOwner", "dataLength", "numChildren"]) {
      await expect(stat).toContainText(field);
    }
    await expect(stat).toContainText("persistent");
    await expect(stat).toContainText(/0x[0-9a-f]+/);
    await expect(page.getByTestId("acl-table")).toHaveCount(0);
    await page.getByRole("tab", { name: "ACL" }).click();
    await expect(page.getByTestId("acl-panel").getByTestId("acl-table")).toContainText("world");
  });

  test("opens a deep link directly", async ({ page }) => {
    await logIn(page);
    const id = await clusterIdByName(page, name);
    await page.goto(`/clusters/${id}/znodes/app/config/database`);
    await expect(page.getByTestId("breadcrumbs")).toContainText("database");
    await expect(page.getByTestId("znode-data")).toContainText('"host": "db.internal"');
  });

  test("filters a 10,000-children list that is virtualised", async ({ page }) => {
    await logIn(page);
    const id = await clusterIdByName(page, name);
    await page.goto(`/clusters/${id}/znodes/big`);
    await expect(page.getByText("10,000 of 10,000 children")).toBeVisible();
    const rows = page.getByTestId("child-row");
    await expect(rows.first()).toBeVisible();
    // Virtualised: far fewer rows in the DOM than children.
    expect(await rows.count()).toBeLessThan(200);
    await page.getByLabel("Filter children").fill("item-0999");
    await expect(page.getByText("10 of 10,000 children")).toBeVisible();
    await expect(rows).toHaveCount(10);
    await expect(rows.first()).toContainText("item-09990");
  });

  test("an unknown znode and an invalid path give clear errors", async ({ page }) => {
    await logIn(page);
    const id = await clusterIdByName(page, name);
    const missing = await page.request.get(`/api/v1/clusters/${id}/znode?path=${encodeURIComponent("/does/not/exist")}`);
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error.message).toContain("/does/not/exist");
    const invalid = await page.request.get(`/api/v1/clusters/${id}/znode?path=${encodeURIComponent("/a//b")}`);
    expect(invalid.status()).toBe(400);
    expect((await invalid.json()).error.message).toMatch(/empty segment/);
    const unknownCluster = await page.request.get(`/api/v1/clusters/nope/children?path=/`);
    expect(unknownCluster.status()).toBe(404);
  });
});
