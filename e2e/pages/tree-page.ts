import { expect, type Locator, type Page } from "@playwright/test";

/** The znode tree (WAI-ARIA tree pattern) and the split pane around it. */
export class TreePage {
  constructor(readonly page: Page) {}

  get tree(): Locator { return this.page.getByRole("tree", { name: "Znodes" }); }
  item(name: string): Locator { return this.tree.getByRole("treeitem", { name, exact: true }); }
  get focused(): Locator { return this.tree.locator("[role=treeitem]:focus"); }

  /** The name of the focused tree item (its own label, without its children). */
  async focusedName(): Promise<string> {
    return (await this.focused.getAttribute("data-name")) ?? "";
  }

  async expectFocused(name: string) {
    await expect(this.focused).toHaveAttribute("data-name", name);
  }
}
