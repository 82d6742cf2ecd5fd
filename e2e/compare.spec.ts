// Issue 18 in the browser: search a value and open the hit; diff two paths and promote one node
// after reviewing its plan. One cluster on the global setup's ZooKeeper, one login per test.
import { expect, test } from "@playwright/test";
import { clusterIdByName, registerCluster, e2eZooKeeper as zk } from "./pages/clusters-page";
import { LiveApi } from "./pages/live-page";
import { logIn } from "./pages/login-page";

test.describe.serial("find and compare", () => {
  const name = `compare-${Date.now()}`;
  const root = `/compare-e2e-${Date.now()}`;
  let clusterId = "";

  test("search a value from the / box and open the hit with the match marked", async ({ page }) => {
    await logIn(page);
    await registerCluster(page, name, zk());
    clusterId = await clusterIdByName(page, name);
    const api = new LiveApi(page.request, clusterId);
    await api.create(`${root}/staging/db`, "host=db-stage.example.net <b>not bold</b>");
    await api.create(`${root}/staging/only-here`, "new setting");
    await api.create(`${root}/prod/db`, "host=db-prod.example.net");

    await page.goto(`/clusters/${encodeURIComponent(clusterId)}/znodes${root}`);
    await page.keyboard.press("/");
    await page.keyboard.type("db-stage.example");
    await page.getByRole("option", { name: /Search names and values for/ }).click();
    await expect(page.getByTestId("search-status")).toContainText("1 match in 6 znodes");
    const hit = page.getByTestId("search-hit");
    await expect(hit).toHaveCount(1);
    await expect(hit).toContainText("<b>not bold</b>"); // untrusted value shown as text
    await hit.getByRole("link", { name: `${root}/staging/db` }).click();
    await expect(page).toHaveURL(new RegExp(`${root}/staging/db\\?mark=`));
    await expect(page.getByTestId("znode-data").locator("mark")).toHaveText("db-stage.example");
  });

  test("diff two paths side by side and promote one node after reviewing the plan", async ({ page }) => {
    await logIn(page);
    await page.goto(`/diff?${new URLSearchParams({ left: `${clusterId}:${root}/staging`, right: `${clusterId}:${root}/prod` })}`);
    await expect(page.getByTestId("diff-status")).toContainText("1 only on the left, 0 only on the right, 1 changed");
    await page.locator('[data-testid=diff-row][data-path="/db"]').click();
    await expect(page.getByTestId("node-diff-lines")).toContainText("host=db-prod.example.net");

    await page.getByRole("checkbox", { name: "Promote /only-here" }).check();
    await page.getByRole("button", { name: "Promote selected (1)…" }).click();
    await expect(page.getByTestId("promote-summary")).toContainText("1 to create, 0 to update, 0 to delete");
    await expect(page.getByTestId("promote-plan")).toContainText(`${root}/prod/only-here`);
    await page.getByRole("button", { name: "Apply 1 write" }).click();
    await expect(page.getByTestId("promote-result")).toContainText("Applied 1 of 1 writes");
    await page.getByRole("button", { name: "Close", exact: true }).click();

    await expect(page.getByTestId("diff-status")).toContainText("0 only on the left, 0 only on the right, 1 changed");
    const res = await page.request.get(`/api/v1/clusters/${encodeURIComponent(clusterId)}/znode?${new URLSearchParams({ path: `${root}/prod/only-here` })}`);
    expect(((await res.json()) as { data: { text: string } }).data.text).toBe("new setting");
  });
});
