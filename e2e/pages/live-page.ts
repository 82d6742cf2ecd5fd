import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

/** The live feed screen (/clusters/{id}/live) and the live parts of the znode browser. */
export class LivePage {
  constructor(readonly page: Page, readonly clusterId: string) {}

  async gotoFeed(paths: string[]) {
    await this.page.goto(`/clusters/${encodeURIComponent(this.clusterId)}/live?${new URLSearchParams(paths.map((p) => ["path", p]))}`);
    await this.expectLive();
  }

  async gotoNode(path: string) {
    const suffix = path.split("/").slice(1).map(encodeURIComponent).join("/");
    await this.page.goto(`/clusters/${encodeURIComponent(this.clusterId)}/znodes/${suffix}`);
    await expect(this.page.getByTestId("detail").locator(".detail-path")).toHaveText(path);
    await this.expectLive();
  }

  get state(): Locator { return this.page.getByTestId("live-state"); }
  async expectLive() { await expect(this.state).toHaveAttribute("data-state", "live"); }

  /** The data editor of the current node (the toolbar's "Edit data"). */
  async openEditor() {
    await this.page.getByRole("toolbar", { name: "Znode actions" }).getByRole("button", { name: "Edit data" }).click();
    await expect(this.page.getByTestId("data-editor")).toBeVisible();
  }

  get changedWarning(): Locator { return this.page.getByTestId("changed-since"); }

  feedRows(type?: string): Locator {
    const rows = this.page.getByTestId("live-feed-row");
    return type ? rows.and(this.page.locator(`[data-type="${type}"]`)) : rows;
  }
}

/** Writes through the console's API (as another operator would), checked for success. */
export class LiveApi {
  constructor(readonly request: APIRequestContext, readonly clusterId: string) {}
  private url(params: Record<string, string>) { return `/api/v1/clusters/${encodeURIComponent(this.clusterId)}/znode?${new URLSearchParams(params)}`; }

  async version(path: string): Promise<number> {
    const res = await this.request.get(this.url({ path }));
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { stat: { version: number } }).stat.version;
  }
  async set(path: string, data: string) {
    const res = await this.request.put(this.url({ path }), { data: { data, encoding: "utf8", version: await this.version(path) } });
    expect(res.status(), await res.text()).toBe(200);
  }
  async create(path: string, data = "") {
    const res = await this.request.post(this.url({ path }), { data: { data, createParents: true } });
    expect(res.status(), await res.text()).toBe(201);
  }
}
