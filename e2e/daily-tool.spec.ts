// Issue 14, "the operator's daily tool": one test per numbered problem of the issue (each failed on
// the console before the fix), against the e2e ZooKeeper (10,000 children under /big).
import { expect, test } from "@playwright/test";
import { closeSession, getClient } from "../lib/core/zk/sessions";
import { clusterIdByName, registerCluster, e2eZooKeeper as zk } from "./pages/clusters-page";
import { logIn } from "./pages/login-page";
import { TreePage } from "./pages/tree-page";
import { ZnodeApi, ZnodePage } from "./pages/znode-page";

test.use({ viewport: { width: 1280, height: 800 } });

test.describe("the operator's daily tool", () => {
  // One per run (the global setup's ZooKeeper port), shared by the tests also when a failure restarts the worker.
  const stamp = zk().split(":").at(-1) ?? "0";
  const name = `ux-${stamp}`;
  const root = `/e2e-ux-${stamp}`;
  let clusterId = "";
  const raw = () => getClient({ id: `ux-raw-${stamp}`, connectionString: zk(), sessionTimeoutMs: 30_000 });

  test.beforeEach(async ({ page }) => {
    await logIn(page);
    if (clusterId) return;
    clusterId = await clusterIdByName(page, name).catch(async () => {
      await registerCluster(page, name, zk());
      const id = await clusterIdByName(page, name);
      await new ZnodeApi(page.request, id).create(root);
      return id;
    });
  });
  test.afterAll(() => closeSession(`ux-raw-${stamp}`));

  test("1: saving closes the review and shows the new version; Edit again opens one editor", async ({ page }) => {
    const zp = new ZnodePage(page, clusterId);
    await new ZnodeApi(page.request, clusterId).create(`${root}/one`, "v0");
    await zp.goto(`${root}/one`);
    await zp.openEditor();
    await zp.typeValue("v1");
    await zp.review();
    await zp.save();
    await expect(page.getByTestId("notice")).toContainText("is now at version 1");
    await expect(page.getByTestId("review")).toHaveCount(0);
    await expect(page.getByTestId("stat-table").getByRole("row", { name: /^version\b/ })).toContainText("1");
    await zp.openEditor();
    await expect(page.getByTestId("data-editor")).toHaveCount(1);
    await expect(page.getByTestId("review")).toHaveCount(0);
  });

  test("2: the tree is a WAI-ARIA tree: one tab stop, arrows, Home/End, type-ahead, Enter keeps focus", async ({ page }) => {
    const t = new TreePage(page);
    await page.goto(`/clusters/${clusterId}/znodes`);
    await expect(t.tree).toBeVisible();
    await expect(t.tree.locator("[tabindex='0'], button:not([tabindex='-1']), a:not([tabindex='-1'])")).toHaveCount(1);
    await t.tree.locator("[tabindex='0']").focus();
    await t.expectFocused("/");
    await expect(t.focused).toHaveAttribute("aria-level", "1");
    await page.keyboard.press("ArrowDown");
    await t.expectFocused("app");
    await expect(t.focused).toHaveAttribute("aria-level", "2");
    await expect(t.focused).toHaveAttribute("aria-posinset", "1");
    await expect(t.focused).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("ArrowRight");
    await expect(t.item("app")).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("ArrowRight");
    await t.expectFocused("config");
    await page.keyboard.press("ArrowLeft");
    await t.expectFocused("app");
    await page.keyboard.press("ArrowLeft");
    await expect(t.item("app")).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("End");
    await t.expectFocused("zookeeper");
    await page.keyboard.press("Home");
    await t.expectFocused("/");
    await page.keyboard.type("dee");
    await t.expectFocused("deep");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/znodes/deep$`));
    await expect(page.getByTestId("detail").locator(".detail-path")).toHaveText("/deep");
    await t.expectFocused("deep");
    await expect(t.item("deep")).toHaveAttribute("aria-selected", "true");
  });

  test("3: a leaf leads with its data and Stat, without an empty children box", async ({ page }) => {
    await page.goto(`/clusters/${clusterId}/znodes/deep/level-1/level-2/level-3/level-4/leaf`);
    await expect(page.getByTestId("znode-data")).toContainText('"answer": 42');
    await expect(page.getByTestId("children-list")).toHaveCount(0);
    await expect(page.getByText("0 of 0 children")).toHaveCount(0);
    await expect(page.getByTestId("znode-data")).toBeInViewport();
    await expect(page.getByTestId("stat-table")).toBeInViewport();
  });

  test("4: /big expands in place, its siblings stay reachable, and a deep link is revealed and selected", async ({ page }) => {
    const t = new TreePage(page);
    await page.goto(`/clusters/${clusterId}/znodes/big/item-09995`);
    await expect(t.item("item-09995")).toBeInViewport();
    await expect(t.item("item-09995")).toHaveAttribute("aria-selected", "true");
    await expect(t.item("item-09995")).toHaveAttribute("aria-posinset", "9996");
    await expect(t.item("item-09995")).toHaveAttribute("aria-setsize", "10000");
    await expect(page.getByRole("button", { name: /Load more/ })).toHaveCount(0);
    // The scrollbar spans every child, not only the loaded ones.
    const heights = await t.tree.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(heights.scroll).toBeGreaterThan(10_000 * 16);
    // The siblings after /big are one End away.
    await t.item("item-09995").focus();
    await page.keyboard.press("End");
    await t.expectFocused("zookeeper");
    await expect(t.focused).toHaveAttribute("aria-level", "2");
    await page.keyboard.press("Home");
    await expect(t.focused).toHaveAttribute("aria-level", "1");
    // Two quick presses: the second moves on from the first even before the tree re-renders.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await t.expectFocused("big");
    await page.keyboard.press("ArrowLeft");
    await expect(t.item("big")).toHaveAttribute("aria-expanded", "false");
    // Other specs add top-level znodes, so the sibling after /big is found by position, not by name.
    const bigPosition = Number(await t.item("big").getAttribute("aria-posinset"));
    await page.keyboard.press("ArrowDown");
    await expect(t.focused).toHaveAttribute("aria-level", "2");
    await expect(t.focused).toHaveAttribute("aria-posinset", String(bigPosition + 1));
  });

  test("5: the children filter is in the URL, filters the tree too, and says when nothing matches", async ({ page }) => {
    const t = new TreePage(page);
    await page.goto(`/clusters/${clusterId}/znodes/big`);
    await expect(page.getByTestId("children-count")).toHaveText("10,000 of 10,000 children");
    await page.getByLabel("Filter children").fill("item-0999");
    await expect(page).toHaveURL(/[?&]filter=item-0999(&|$)/);
    await expect(page.getByTestId("children-count")).toHaveText("10 of 10,000 children");
    await expect(t.tree.locator("[role=treeitem][aria-level='3']")).toHaveCount(10);
    await page.reload();
    await expect(page.getByLabel("Filter children")).toHaveValue("item-0999");
    await expect(page.getByTestId("child-row")).toHaveCount(10);
    await page.getByTestId("child-row").first().click();
    await expect(page).toHaveURL(/\/big\/item-09990$/);
    await page.goBack();
    await expect(page.getByLabel("Filter children")).toHaveValue("item-0999");
    await expect(page.getByTestId("child-row")).toHaveCount(10);
    await page.getByLabel("Filter children").fill("no-such-child");
    await expect(page.getByTestId("children-empty")).toHaveText("No children match “no-such-child”.");
    await expect(page.getByTestId("children-list")).toHaveCount(0);
  });

  test("6: formatting is explicit, a merge keeps compact JSON compact, diffs highlight the changed word", async ({ page }) => {
    const zp = new ZnodePage(page, clusterId);
    const api = new ZnodeApi(page.request, clusterId);
    const node = `${root}/compact`;
    await api.create(node, '{"a":1,"b":2}');
    await zp.goto(node);
    await zp.openEditor();
    await expect(page.getByLabel(/^New value of/)).toHaveValue('{"a":1,"b":2}');
    await zp.typeValue('{"a":11,"b":2}');
    await zp.review();
    await expect(zp.diffLines("add").locator("ins")).toHaveText(["11"]);
    await expect(zp.diffLines("del").locator("del")).toHaveText(["1"]);
    await api.set(node, '{"a":1,"b":20}', 0);
    await zp.save();
    await expect(page.getByLabel("Merged value")).toHaveValue('{"a":11,"b":20}');
    await page.getByRole("button", { name: "Review merged value" }).click();
    await zp.save();
    await expect(page.getByTestId("notice")).toContainText("is now at version 2");
    expect((await api.get(node))?.data.text).toBe('{"a":11,"b":20}');

    await page.getByRole("tab", { name: "History" }).click();
    await expect(page).toHaveURL(/[?&]tab=history(&|$)/);
    const entry = page.getByTestId("history-entry").first();
    await expect(entry.getByTestId("value-diff").locator("[data-kind=add] ins")).toHaveText(["11"]);
    await entry.getByRole("link", { name: /^#\d+$/ }).click();
    await expect(page.getByTestId("value-diff").locator("[data-kind=add] ins")).toHaveText(["11"]);
  });

  test("7: History shows changes made outside the console as gaps, and a failed write as failed", async ({ page }) => {
    const zp = new ZnodePage(page, clusterId);
    const api = new ZnodeApi(page.request, clusterId);
    const node = `${root}/hist`;
    await api.create(node, "v0");
    await api.set(node, "v1", 0);
    const client = await raw();
    await client.set(node, Buffer.from("v2"), 1);
    await client.set(node, Buffer.from("v3"), 2);
    const stale = await page.request.put(api.url("znode", { path: node }), { data: { data: "mine", version: 1 } });
    expect(stale.status()).toBe(409);
    await zp.goto(node);
    await page.getByRole("tab", { name: "History" }).click();
    await expect(page.getByTestId("history-gap")).toHaveText("Changed outside the console between version 1 and 3");
    const failed = page.getByTestId("history-entry").first();
    await expect(failed).toContainText("failed");
    await expect(failed).toContainText("Nothing was written");
    await expect(failed.locator("[data-kind=del]")).toHaveCount(0);
    await client.set(node, Buffer.from("v4"), 3);
    await page.reload();
    await expect(page.getByTestId("history-gap").first()).toHaveText("Changed outside the console since version 3 (now version 4)");
  });

  test("keyboard only: ? lists the shortcuts, g goes to a path, e edits and saves, / searches, Ctrl+K jumps", async ({ page }) => {
    const node = `${root}/keys`;
    await new ZnodeApi(page.request, clusterId).create(node, "k0");
    await page.goto(`/clusters/${clusterId}/znodes`);
    await expect(new TreePage(page).tree).toBeVisible();
    await page.keyboard.press("?");
    await expect(page.getByTestId("shortcut-help")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("shortcut-help")).toHaveCount(0);

    await page.keyboard.press("g");
    await expect(page.getByRole("combobox", { name: "Cluster or path" })).toBeFocused();
    await page.keyboard.type(node.slice(1));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/clusters/${name}/znodes${node}$`));
    await expect(page.getByTestId("znode-data")).toContainText("k0");

    await page.keyboard.press("e");
    const value = page.getByLabel(/^New value of/);
    await expect(value).toBeVisible();
    await value.focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("k1");
    await page.getByRole("button", { name: "Review changes" }).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("review").getByRole("button", { name: /^Save/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("notice")).toContainText("is now at version 1");
    await expect(page.getByTestId("znode-data")).toContainText("k1");

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // the saved editor is gone; focus is nowhere in particular
    await page.keyboard.press("/");
    await expect(page.getByRole("combobox", { name: "Search znodes" })).toBeFocused();
    await page.keyboard.type("/deep");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/clusters/${name}/znodes/deep$`));

    await page.keyboard.press("ControlOrMeta+k");
    await expect(page.getByRole("combobox", { name: "Cluster or path" })).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/clusters/${name}/znodes$`));
  });

  test("8: cluster URLs use the name (old id URLs redirect); the detail tab is in the URL", async ({ page }) => {
    await page.goto(`/clusters/${clusterId}/znodes/app`);
    await expect(page).toHaveURL(new RegExp(`/clusters/${name}/znodes/app$`));
    await page.getByRole("tab", { name: "ACL" }).click();
    await expect(page).toHaveURL(/\?tab=acl$/);
    await page.reload();
    await expect(page.getByRole("tab", { name: "ACL" })).toHaveAttribute("aria-selected", "true");
  });

  test("8: tabs stay put between screens; the Health members table fits at 1440 px", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/clusters/${clusterId}/znodes/app`);
    const tabsAt = async () => page.getByRole("navigation", { name: "Cluster sections" }).boundingBox();
    await expect(page.getByTestId("znode-data")).toBeVisible();
    const znodesTabs = await tabsAt();
    await page.getByRole("navigation", { name: "Cluster sections" }).getByRole("link", { name: "Health" }).click();
    await expect(page.getByTestId("members-table")).toBeVisible();
    expect(await tabsAt()).toEqual(znodesTabs);
    const fit = await page.getByTestId("members-table").evaluate((el) => ({ table: el.scrollWidth, box: el.parentElement!.clientWidth }));
    expect(fit.table).toBeLessThanOrEqual(fit.box);
  });

  test("8: the session state is explained on hover; counts have thousands separators", async ({ page }) => {
    await page.goto("/clusters");
    const row = page.getByTestId("cluster-row").filter({ hasText: name });
    await row.getByTestId("session-state").hover();
    await expect(page.getByRole("tooltip")).toContainText("ZooKeeper session");
    await page.goto(`/clusters/${clusterId}/znodes/big`);
    await expect(page.getByTestId("children-count")).toHaveText("10,000 of 10,000 children");
  });

  test("8: validation errors name the form's labels, not API fields", async ({ page }) => {
    await page.goto("/clusters");
    const form = page.getByRole("region", { name: "Add cluster" });
    await form.getByLabel("Name", { exact: true }).fill(`bad-${stamp}`);
    await form.getByLabel("Connection string").fill("no port here:");
    await form.getByRole("button", { name: "Save" }).click();
    const problem = form.getByRole("alert");
    await expect(problem).toContainText("Connection string");
    await expect(problem).not.toContainText("connectionString");
  });

  test("Test connection says 'connection refused' at once, and its result clears when the form changes", async ({ page }) => {
    await page.goto("/clusters");
    const form = page.getByRole("region", { name: "Add cluster" });
    await form.getByLabel("Connection string").fill("127.0.0.1:1");
    await form.getByRole("button", { name: "Test connection" }).click();
    // The step-by-step diagnosis: the TCP step names the member and the refusal.
    const tcp = form.locator("[data-testid=diagnosis-step][data-step=tcp]");
    await expect(tcp).toHaveAttribute("data-status", "failed", { timeout: 5_000 });
    await expect(tcp).toContainText("127.0.0.1:1: connection refused");
    await form.getByLabel("Name", { exact: true }).fill("anything");
    await expect(form.getByRole("status", { name: "Connection diagnosis" })).toHaveCount(0);
  });

  test("8: a favicon, so pages log no error", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto("/clusters");
    await expect(page.getByTestId("cluster-row").first()).toBeVisible();
    const icon = await page.locator("link[rel~='icon']").first().getAttribute("href", { timeout: 2_000 }).catch(() => null);
    expect((await page.request.get(icon ?? "/favicon.ico")).status()).toBe(200);
    expect(errors).toEqual([]);
  });

  test("8: the Group mappings page does not talk about grants", async ({ page }) => {
    await page.goto("/admin/groups");
    await expect(page.getByRole("heading", { name: "Group mappings" })).toBeVisible();
    await expect(page.getByText(/^Loading/)).toHaveCount(0);
    await expect(page.getByText("No group mappings yet")).toBeVisible();
    await expect(page.getByText("No grants yet")).toHaveCount(0);
  });

  test("8: an unknown cluster says so once; an unknown page gets the console's 404", async ({ page }) => {
    await page.goto("/clusters/no-such-cluster/znodes");
    const main = page.getByRole("main");
    await expect(main.getByRole("alert").first()).toContainText("no-such-cluster");
    await expect(main.getByText("Loading", { exact: false })).toHaveCount(0);
    await expect(main.getByRole("alert")).toHaveCount(1);
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Clusters" })).toBeVisible();
  });

  test("8: signed-out visitors are not offered Sign out", async ({ browser }) => {
    const anonymous = await browser.newContext();
    const html = await (await anonymous.request.get("/login")).text();
    expect(html).toContain("Sign in");
    expect(html).not.toContain("Sign out");
    await anonymous.close();
  });
});
