import { expect, test, type Browser, type Page } from "@playwright/test";
import { clusterIdByName, registerCluster, e2eZooKeeper as zk } from "./pages/clusters-page";
import { LiveApi, LivePage } from "./pages/live-page";
import { logIn } from "./pages/login-page";


/** A second operator: its own browser context (own cookies, own EventSource). */
async function operator(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page);
  return page;
}

test.describe.serial("live changes across browsers", () => {
  const name = `live-${Date.now()}`;
  const node = `/live-e2e-${Date.now()}`;
  let clusterId = "";

  test("setup: a cluster and a node to watch", async ({ page }) => {
    await logIn(page);
    await registerCluster(page, name, zk());
    clusterId = await clusterIdByName(page, name);
    await new LiveApi(page.request, clusterId).create(node, "first value");
  });

  test("a second browser sees the value change and a new child appear without reload", async ({ browser }) => {
    const editor = await operator(browser);
    const viewer = await operator(browser);
    const live = new LivePage(viewer, clusterId);
    await live.gotoNode(node);
    await expect(viewer.getByTestId("znode-data")).toContainText("first value");
    const loads: string[] = [];
    viewer.on("framenavigated", (f) => { if (f === viewer.mainFrame()) loads.push(f.url()); });

    const api = new LiveApi(editor.request, clusterId);
    await api.set(node, "second value");
    await expect(viewer.getByTestId("znode-data")).toContainText("second value");
    await expect(viewer.getByTestId("stat-table")).toContainText(/version\s*1/);
    // The changed node is highlighted for a moment.
    await expect(viewer.locator("[data-live-flash]")).toHaveCount(1);

    await api.create(`${node}/new-child`);
    await expect(viewer.getByTestId("child-row").filter({ hasText: "new-child" })).toBeVisible();
    await expect(viewer.getByRole("tree").getByRole("treeitem", { name: "new-child", exact: true })).toBeVisible();
    await expect(viewer.getByTestId("children-count")).toContainText("1 of 1 children");
    expect(loads).toEqual([]); // no reload, no navigation
    await Promise.all([editor.context().close(), viewer.context().close()]);
  });

  test("the live feed lists the events as they happen, with pause and filter", async ({ browser }) => {
    const editor = await operator(browser);
    const watcher = await operator(browser);
    const live = new LivePage(watcher, clusterId);
    await live.gotoFeed([node]);
    await expect(watcher.getByRole("link", { name: "Live" })).toHaveAttribute("aria-current", "page");

    const api = new LiveApi(editor.request, clusterId);
    await api.set(node, "third value");
    await api.create(`${node}/feed-child`);
    await expect(live.feedRows("dataChanged").filter({ hasText: node })).toHaveCount(1);
    await expect(live.feedRows("childrenChanged").filter({ hasText: "+feed-child" })).toHaveCount(1);

    await watcher.getByRole("button", { name: "Pause" }).click();
    await api.set(node, "while paused");
    await expect(watcher.getByRole("button", { name: /Resume \(1 new\)/ })).toBeVisible();
    await expect(live.feedRows("dataChanged")).toHaveCount(1);
    await watcher.getByRole("button", { name: /Resume/ }).click();
    await expect(live.feedRows("dataChanged")).toHaveCount(2);

    await watcher.getByLabel("Event").selectOption("childrenChanged");
    await expect(live.feedRows()).toHaveCount(1);
    await Promise.all([editor.context().close(), watcher.context().close()]);
  });

  test("an open editor warns, before saving, that someone else changed the node", async ({ browser }) => {
    const editor = await operator(browser);
    const other = await operator(browser);
    const live = new LivePage(editor, clusterId);
    await live.gotoNode(node);
    await live.openEditor();
    await expect(live.changedWarning).toHaveCount(0);
    await new LiveApi(other.request, clusterId).set(node, "saved by someone else");
    await expect(live.changedWarning).toContainText("changed by someone else since you opened it");
    await expect(editor.getByTestId("data-editor")).toBeVisible(); // the draft stays open
    await Promise.all([editor.context().close(), other.context().close()]);
  });

  test("a refused stream says why instead of retrying forever", async ({ page }) => {
    await logIn(page);
    await page.goto(`/clusters/${encodeURIComponent(clusterId)}/live?path=${encodeURIComponent("/trailing/")}`);
    const live = new LivePage(page, clusterId);
    await expect(live.state).toHaveAttribute("data-state", "stopped");
    await expect(live.state).toContainText("must not end with /");
  });
});
