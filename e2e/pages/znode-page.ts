import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

export type ApiZnode = { path: string; data: { text: string | null; base64: string; json: unknown }; stat: { version: number; numChildren: number } };

/** The znode browser's detail pane with its editing toolbar, editor and dialogs. */
export class ZnodePage {
  constructor(readonly page: Page, readonly clusterId: string) {}

  async goto(path: string) {
    const suffix = path === "/" ? "" : path.split("/").slice(1).map(encodeURIComponent).join("/");
    await this.page.goto(`/clusters/${encodeURIComponent(this.clusterId)}/znodes${suffix ? "/" + suffix : ""}`);
    await expect(this.page.getByTestId("detail").locator(".detail-path")).toHaveText(path);
    await expect(this.toolbar).toBeVisible();
  }

  get toolbar(): Locator { return this.page.getByRole("toolbar", { name: "Znode actions" }); }
  dialog(name: string | RegExp): Locator { return this.page.getByRole("dialog", { name }); }
  get editor(): Locator { return this.page.getByTestId("code-editor").first(); }

  /** Fill the create dialog and submit; returns the created path as the dialog reports it. */
  async createChild(opts: { name: string; type?: string; mode?: string; data?: string; createParents?: boolean; reason?: string }) {
    await this.toolbar.getByRole("button", { name: "New child" }).click();
    const dialog = this.dialog(/^Create a znode under/);
    await dialog.getByLabel(/^Name/).fill(opts.name);
    if (opts.type) await dialog.getByLabel("Node type").selectOption({ label: opts.type });
    if (opts.mode) await dialog.getByLabel("Mode").selectOption({ label: opts.mode });
    if (opts.data !== undefined) await dialog.getByLabel("Data", { exact: true }).fill(opts.data);
    if (opts.createParents) await dialog.getByLabel(/Create parents/).check();
    if (opts.reason) await dialog.getByLabel(/^Reason/).fill(opts.reason);
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    return dialog;
  }

  async createdPath(): Promise<string> {
    const created = this.dialog("Znode created").getByTestId("created-path");
    await expect(created).toBeVisible();
    return (await created.locator("code").first().textContent()) ?? "";
  }

  async openEditor() {
    await this.toolbar.getByRole("button", { name: "Edit data" }).click();
    await expect(this.page.getByTestId("data-editor")).toBeVisible();
  }

  async typeValue(text: string, label = /^New value of/) {
    await this.page.getByLabel(label).fill(text);
  }

  async review() {
    await this.page.getByRole("button", { name: "Review changes" }).click();
    await expect(this.page.getByTestId("review")).toBeVisible();
  }

  async save() {
    await this.page.getByTestId("review").getByRole("button", { name: /^Save/ }).click();
  }

  diffLines(kind: "add" | "del"): Locator { return this.page.getByTestId("diff").locator(`[data-kind="${kind}"]`); }
}

/** The same API the UI uses, for arranging and checking state around the UI steps. */
export class ZnodeApi {
  constructor(readonly request: APIRequestContext, readonly clusterId: string) {}
  url(kind: string, params: Record<string, string>) { return `/api/v1/clusters/${encodeURIComponent(this.clusterId)}/${kind}?${new URLSearchParams(params)}`; }
  async get(path: string): Promise<ApiZnode | null> {
    const res = await this.request.get(this.url("znode", { path }));
    if (res.status() === 404) return null;
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as ApiZnode;
  }
  async set(path: string, data: string, version: number) {
    const res = await this.request.put(this.url("znode", { path }), { data: { data, version } });
    expect(res.status(), await res.text()).toBe(200);
  }
  async create(path: string, data = "", encoding: "utf8" | "base64" = "utf8") {
    const res = await this.request.post(this.url("znode", { path }), { data: { data, encoding } });
    expect(res.status(), await res.text()).toBe(201);
  }
}
