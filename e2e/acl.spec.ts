import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { AclPage, aclOverApi } from "./pages/acl-page";
import { clusterIdByName, registerCluster, e2eZooKeeper as zk } from "./pages/clusters-page";
import { logIn } from "./pages/login-page";

const digestOf = (user: string, password: string) => `${user}:${createHash("sha1").update(`${user}:${password}`).digest("base64")}`;

test.describe.serial("editing ACLs", () => {
  const stamp = Date.now();
  const name = `acl-${stamp}`;
  const node = `/e2e-acl-${stamp}`;
  let clusterId = "";

  test.beforeEach(async ({ page }) => {
    await logIn(page);
    if (clusterId) return;
    await registerCluster(page, name, zk());
    clusterId = await clusterIdByName(page, name);
    for (const path of [node, `${node}/locked`]) {
      const res = await page.request.post(`/api/v1/clusters/${clusterId}/znode?${new URLSearchParams({ path })}`, { data: { data: "hello" } });
      expect(res.status()).toBe(201);
    }
  });

  test("adds a digest entry with the helper and saves it; the saved ACL shows it", async ({ page }) => {
    const acl = new AclPage(page, clusterId);
    await acl.open(node);
    await expect(acl.table).toContainText("anyone");
    await acl.edit();
    const id = await acl.addDigest("ops", "e2e-ops-password");
    expect(id).toBe(digestOf("ops", "e2e-ops-password"));
    await expect(acl.rows).toHaveCount(2);
    await acl.rows.nth(1).getByRole("button", { name: "delete", pressed: true }).click();
    await expect(acl.rows.nth(1).getByRole("button", { name: "delete" })).toHaveAttribute("aria-pressed", "false");
    await acl.save();
    await expect(acl.panel.getByRole("status")).toContainText("ACL saved (aversion 1)");
    await expect(acl.table).toContainText(id);
    await expect(acl.table.getByRole("row").filter({ hasText: id })).toContainText("c-rwa");
    const saved = await aclOverApi(page.request, clusterId, node);
    expect(saved).toEqual(expect.objectContaining({ aversion: 1, acl: [{ scheme: "world", id: "anyone", perms: "cdrwa" }, { scheme: "digest", id, perms: "c-rwa" }] }));
  });

  test("the id is checked per scheme as it is typed", async ({ page }) => {
    const acl = new AclPage(page, clusterId);
    await acl.open(node);
    await acl.edit();
    await acl.editor.getByRole("button", { name: "Add entry" }).click();
    await acl.rows.nth(2).getByLabel("Id of entry 3").fill("ops:not-a-hash");
    await expect(acl.rows.nth(2)).toContainText("28 base64 characters");
    await expect(acl.editor.getByRole("button", { name: "Save ACL" })).toBeDisabled();
    await acl.rows.nth(2).getByLabel("Scheme of entry 3").selectOption("ip");
    await acl.rows.nth(2).getByLabel("Id of entry 3").fill("10.0.0.0/8");
    await expect(acl.editor.getByRole("button", { name: "Save ACL" })).toBeEnabled();
  });

  test("refuses a lockout until an admin overrides it with a reason", async ({ page }) => {
    const acl = new AclPage(page, clusterId);
    const path = `${node}/locked`;
    await acl.open(path);
    await acl.edit();
    await acl.usePreset("Read-only for everyone (world:anyone:r)");
    await acl.save();
    const lockout = acl.editor.getByTestId("lockout");
    await expect(lockout).toContainText("without ADMIN");
    await expect(lockout).toContainText("It would lose: create, delete, write, admin");
    expect((await aclOverApi(page.request, clusterId, path)).aversion).toBe(0);
    await lockout.getByLabel(/Override the lockout guard/).check();
    await expect(acl.editor.getByRole("button", { name: "Save ACL anyway" })).toBeDisabled();
    await acl.editor.getByLabel(/^Reason/).fill("e2e: freeze this node");
    await acl.editor.getByRole("button", { name: "Save ACL anyway" }).click();
    await expect(acl.panel.getByRole("status")).toContainText("lockout guard overridden");
    await expect(acl.table).toContainText("--r--");
  });

  test("explains NO_AUTH in the detail pane and still lists the node's name", async ({ page }) => {
    const path = `${node}/secret`;
    const created = await page.request.post(`/api/v1/clusters/${clusterId}/znode?${new URLSearchParams({ path })}`, { data: { data: "classified" } });
    expect(created.status()).toBe(201);
    const put = await page.request.put(`/api/v1/clusters/${clusterId}/acl?${new URLSearchParams({ path })}`, {
      data: { acl: [{ scheme: "digest", id: digestOf("vault", "pw"), perms: "cdrwa" }], aversion: 0, override: true, reason: "e2e: no access for the console" },
    });
    expect(put.status()).toBe(200);
    await page.goto(`/clusters/${clusterId}/znodes${path}`);
    await expect(page.getByTestId("detail").getByRole("alert")).toContainText("may not read");
    await page.goto(`/clusters/${clusterId}/znodes${node}`);
    await expect(page.getByTestId("detail")).toContainText("secret");
  });

  test("applies the edited ACL to a subtree after a preview, with progress", async ({ page }) => {
    const root = `${node}/tree`;
    for (let i = 0; i < 20; i++) {
      const res = await page.request.post(`/api/v1/clusters/${clusterId}/znode?${new URLSearchParams({ path: `${root}/n${i}` })}`, { data: { createParents: true } });
      expect(res.status()).toBe(201);
    }
    const acl = new AclPage(page, clusterId);
    await acl.open(root);
    await acl.edit();
    const id = await acl.addDigest("deployer", "e2e-deploy-pw");
    await acl.editor.getByRole("button", { name: "Apply to subtree…" }).click();
    const dialog = page.getByRole("dialog", { name: `Apply this ACL to everything under ${root}` });
    await expect(dialog.getByTestId("recursive-preview")).toContainText("21 znodes; 21 have a different ACL");
    await dialog.getByRole("button", { name: "Apply to 21 znodes" }).click();
    await expect(dialog.getByTestId("recursive-result")).toContainText("Changed 21 of 21 znodes");
    for (const path of [root, `${root}/n0`, `${root}/n19`]) {
      expect((await aclOverApi(page.request, clusterId, path)).acl).toEqual([{ scheme: "world", id: "anyone", perms: "cdrwa" }, { scheme: "digest", id, perms: "cdrwa" }]);
    }
  });

  test("keeps cluster credentials to scheme and label", async ({ page }) => {
    await page.goto("/clusters");
    const row = page.getByTestId("cluster-row").filter({ hasText: name });
    await row.getByRole("button", { name: "Edit" }).click();
    const creds = row.getByTestId("credentials");
    await creds.getByLabel("User").fill("ops");
    await creds.getByLabel("Password").fill("e2e-credential-pw");
    await creds.getByRole("button", { name: "Add credential" }).click();
    // e2e/serve.mjs always gives the console a CONSOLE_SECRET_KEY.
    await expect(creds.getByRole("listitem")).toContainText("digest ops");
    await expect(creds.getByLabel("Password")).toHaveValue("");
    expect(await page.content()).not.toContain("e2e-credential-pw");
    const list = await page.request.get(`/api/v1/clusters/${clusterId}/credentials`);
    expect(await list.text()).not.toContain("e2e-credential-pw");
  });
});
