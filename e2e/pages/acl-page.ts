import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { ZnodePage } from "./znode-page";

export type ApiAcl = { acl: { scheme: string; id: string; perms: string }[]; aversion: number };

/** The ACL tab of the znode detail pane: the table, the editor, the digest helper, presets. */
export class AclPage {
  readonly znode: ZnodePage;
  constructor(readonly page: Page, readonly clusterId: string) {
    this.znode = new ZnodePage(page, clusterId);
  }

  async open(path: string) {
    await this.znode.goto(path);
    await this.page.getByRole("tab", { name: "ACL", exact: true }).click();
    await expect(this.panel).toBeVisible();
  }

  get panel(): Locator { return this.page.getByTestId("acl-panel"); }
  get table(): Locator { return this.panel.getByTestId("acl-table"); }
  get editor(): Locator { return this.page.getByTestId("acl-editor"); }
  get rows(): Locator { return this.editor.getByTestId("acl-row"); }

  async edit() {
    await this.panel.getByRole("button", { name: "Edit ACL" }).click();
    await expect(this.editor).toBeVisible();
  }

  /** Compute a digest id with the helper and add it as an entry; returns the id shown. */
  async addDigest(user: string, password: string): Promise<string> {
    const helper = this.editor.getByRole("form", { name: "Digest helper" });
    await helper.getByLabel("User").fill(user);
    await helper.getByLabel("Password").fill(password);
    await helper.getByRole("button", { name: "Compute" }).click();
    const shown = (await helper.getByTestId("digest-id").textContent()) ?? "";
    await helper.getByRole("button", { name: "Add as entry" }).click();
    return shown.replace(/^digest:/, "");
  }

  async usePreset(label: string) {
    const presets = this.editor.getByRole("group", { name: "Presets" });
    await presets.getByLabel("Preset").selectOption({ label });
    await presets.getByRole("button", { name: "Use preset" }).click();
  }

  async save() {
    await this.editor.getByRole("button", { name: /^Save ACL/ }).click();
  }
}

/** The same ACL through the API, to check what was really saved. */
export async function aclOverApi(request: APIRequestContext, clusterId: string, path: string): Promise<ApiAcl> {
  const res = await request.get(`/api/v1/clusters/${encodeURIComponent(clusterId)}/acl?${new URLSearchParams({ path })}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as ApiAcl;
}
