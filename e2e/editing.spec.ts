import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { clusterIdByName, registerCluster, e2eZooKeeper as zk } from "./pages/clusters-page";
import { logIn } from "./pages/login-page";
import { ZnodeApi, ZnodePage } from "./pages/znode-page";


test.describe.serial("safe editing of a real ZooKeeper tree", () => {
  const stamp = Date.now();
  const name = `edit-${stamp}`;
  const root = `/e2e-edit-${stamp}`;
  const settings = `${root}/settings`;
  let clusterId = "";

  test.beforeEach(async ({ page }) => {
    await logIn(page);
    if (clusterId) return;
    await registerCluster(page, name, zk());
    clusterId = await clusterIdByName(page, name);
  });

  test("creates a JSON node with its parents, a sequential node, and explains TTL and ephemeral nodes", async ({ page }) => {
    const zp = new ZnodePage(page, clusterId);
    const api = new ZnodeApi(page.request, clusterId);
    await zp.goto("/");
    await zp.createChild({ name: settings.slice(1), mode: "JSON", data: '{"a":1,"b":2}', createParents: true });
    expect(await zp.createdPath()).toBe(settings);
    expect((await api.get(settings))?.data.json).toEqual({ a: 1, b: 2 });

    await zp.dialog("Znode created").getByRole("link", { name: "Open it" }).click();
    await expect(page.getByTestId("znode-data")).toContainText('"b": 2');

    await zp.goto(root);
    await zp.createChild({ name: "job-", type: "Persistent sequential" });
    expect(await zp.createdPath()).toMatch(new RegExp(`^${root}/job-\\d{10}$`));
    await zp.dialog("Znode created").getByRole("button", { name: "Close", exact: true }).click();

    // The e2e ZooKeeper runs without extendedTypesEnabled: the dialog says what to change.
    const ttlDialog = await zp.createChild({ name: "short-lived", type: "Persistent with TTL" });
    await expect(ttlDialog.getByRole("alert")).toContainText("TTL nodes are not enabled on this cluster");
    await expect(ttlDialog.getByRole("alert")).toContainText("extendedTypesEnabled");
    expect(await api.get(`${root}/short-lived`)).toBeNull();
    await ttlDialog.getByLabel("Node type").selectOption({ label: "Ephemeral" });
    await expect(ttlDialog.getByTestId("ephemeral-warning")).toContainText("console's own ZooKeeper session");
  });

  test("edits with validation at the line, an explicit override for invalid JSON and a diff before saving", async ({ page }) => {
    const zp = new ZnodePage(page, clusterId);
    const api = new ZnodeApi(page.request, clusterId);
    await zp.goto(settings);
    await zp.openEditor();
    await expect(zp.editor.getByLabel("Mode")).toHaveValue("json");
    await zp.typeValue('{\n  "a": 10,\n  "b": 2,\n}');
    await expect(page.getByTestId("edit-problem")).toContainText("Line 4, column 1: trailing comma");
    await zp.review();
    const save = page.getByTestId("review").getByRole("button", { name: /^Save/ });
    await expect(save).toBeDisabled();
    await page.getByLabel(/Save anyway, although it is not valid JSON/).check();
    await expect(save).toBeEnabled();
    await page.getByRole("button", { name: "Back to editing" }).click();

    await zp.typeValue('{"a": 10, "b": 2}');
    await zp.editor.getByRole("button", { name: "Format" }).click();
    await expect(page.getByLabel(/^New value of/)).toHaveValue('{\n  "a": 10,\n  "b": 2\n}');
    await zp.review();
    await expect(zp.diffLines("del")).toHaveText([/\{"a":1,"b":2\}/]);
    await expect(zp.diffLines("add")).toContainText(['"a": 10,']);
    await expect(save).toHaveText("Save (expects version 0)");
    await zp.save();
    await expect(page.getByTestId("notice")).toContainText("is now at version 1");
    const saved = await api.get(settings);
    expect(saved).toMatchObject({ data: { json: { a: 10, b: 2 } }, stat: { version: 1 } });
    await expect(page.getByTestId("znode-data")).toContainText('"a": 10');
  });

  test("a save that conflicts with another client's change is merged, never overwritten", async ({ page }) => {
    const zp = new ZnodePage(page, clusterId);
    const api = new ZnodeApi(page.request, clusterId);
    const siblingsBefore = (await api.get(root))?.stat.numChildren;
    await zp.goto(settings);
    await zp.openEditor();
    // Another client saves between opening the editor and saving.
    await api.set(settings, '{\n  "a": 10,\n  "b": 20\n}', 1);
    await zp.typeValue('{\n  "a": 11,\n  "b": 2\n}');
    await zp.review();
    await zp.save();

    const conflict = page.getByTestId("conflict");
    await expect(conflict.getByRole("alert")).toContainText("now at version 2");
    await expect(page.getByTestId("conflict-base")).toContainText('"b": 2');
    await expect(page.getByTestId("conflict-theirs")).toContainText('"b": 20');
    await expect(page.getByTestId("conflict-yours")).toContainText('"a": 11');
    expect((await api.get(settings))?.data.json).toEqual({ a: 10, b: 20 }); // theirs is intact
    const merged = page.getByLabel("Merged value");
    await expect(merged).toHaveValue('{\n  "a": 11,\n  "b": 20\n}');
    await merged.fill('{\n  "a": 11,\n  "b": 20,\n  "c": 3\n}');
    await page.getByRole("button", { name: "Review merged value" }).click();
    await expect(zp.diffLines("add")).toContainText(['"a": 11,', '  "c": 3']);
    await expect(page.getByTestId("review").getByRole("button", { name: /^Save/ })).toHaveText("Save (expects version 2)");
    await zp.save();
    await expect(page.getByTestId("notice")).toContainText("is now at version 3");

    expect(await api.get(settings)).toMatchObject({ data: { json: { a: 11, b: 20, c: 3 } }, stat: { version: 3 } });
    expect((await api.get(root))?.stat.numChildren).toBe(siblingsBefore);
  });

  test("deletes one node only at the version seen, and a subtree after typing its path", async ({ page }) => {
    const zp = new ZnodePage(page, clusterId);
    const api = new ZnodeApi(page.request, clusterId);
    const victim = `${root}/victim`;
    await api.create(victim, "v0");
    await zp.goto(victim);
    await zp.toolbar.getByRole("button", { name: "Delete" }).click();
    const dialog = zp.dialog(`Delete ${victim}`);
    await expect(dialog).toContainText("at version 0");
    await api.set(victim, "changed", 0);
    await dialog.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(dialog.getByRole("alert")).toContainText("version 0 is stale");
    expect(await api.get(victim)).not.toBeNull();
    // Live updates may already have brought the new version; otherwise reload it.
    const useNewVersion = dialog.getByRole("button", { name: "Use version 1" });
    const reload = dialog.getByRole("button", { name: "Reload the znode" });
    await expect(useNewVersion.or(reload)).toBeVisible();
    if (await reload.isVisible()) await reload.click();
    await useNewVersion.click();
    await dialog.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page.getByTestId("detail").locator(".detail-path")).toHaveText(root);
    expect(await api.get(victim)).toBeNull();

    const tree = `${root}/tree`;
    for (const p of [tree, `${tree}/a`, `${tree}/a/b`, `${tree}/c`]) await api.create(p, "x");
    await zp.goto(tree);
    await zp.toolbar.getByRole("button", { name: "Delete" }).click();
    const recursive = zp.dialog(`Delete ${tree}`);
    await expect(recursive.getByTestId("subtree-preview")).toContainText("4 znodes will be deleted");
    await expect(recursive.getByTestId("subtree-preview")).toContainText(`${tree}/a/b`);
    const button = recursive.getByRole("button", { name: "Delete 4 znodes" });
    await expect(button).toBeDisabled();
    await recursive.getByLabel(/Type the path/).fill(tree.slice(0, -1));
    await expect(button).toBeDisabled();
    await recursive.getByLabel(/Type the path/).fill(tree);
    await button.click();
    await expect(page.getByTestId("notice")).toContainText("Deleted 4 znodes");
    await expect(page.getByTestId("detail").locator(".detail-path")).toHaveText(root);
    for (const p of [tree, `${tree}/a/b`]) expect(await api.get(p)).toBeNull();
  });

  test("imports an exported subtree: the dry run writes nothing, bad files are refused, apply reports", async ({ page }, testInfo) => {
    const zp = new ZnodePage(page, clusterId);
    const api = new ZnodeApi(page.request, clusterId);
    await zp.goto(settings);
    const [download] = await Promise.all([page.waitForEvent("download"), zp.toolbar.getByTestId("export-link").click()]);
    const file = testInfo.outputPath("settings-export.json");
    await download.saveAs(file);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ format: "zk-console-export", root: settings, count: 1 });

    const target = `${root}/imported`;
    await zp.goto(root);
    await zp.toolbar.getByRole("button", { name: "Import" }).click();
    const dialog = zp.dialog(/^Import into/);
    const fileInput = dialog.getByLabel(/Export file/);
    await fileInput.setInputFiles({ name: "truncated.json", mimeType: "application/json", buffer: fs.readFileSync(file).subarray(0, 60) });
    await expect(dialog.getByRole("alert")).toContainText("truncated.json is not a valid export file: line 1");
    await fileInput.setInputFiles({ name: "other.json", mimeType: "application/json", buffer: Buffer.from('{"hello":"world"}') });
    await dialog.getByRole("button", { name: "Dry run" }).click();
    await expect(dialog.getByRole("alert")).toContainText("this is not a zk-console-export file");

    await fileInput.setInputFiles(file);
    await dialog.getByLabel("Import under path").fill(target);
    await dialog.getByRole("button", { name: "Dry run" }).click();
    await expect(dialog.getByTestId("plan-creates")).toContainText("Creates: 1");
    await expect(dialog.getByTestId("plan-creates")).toContainText(target);
    await expect(dialog.getByTestId("plan-conflicts")).toContainText("Conflicts: 0");
    expect(await api.get(target)).toBeNull(); // the dry run wrote nothing

    await dialog.getByRole("button", { name: "Apply: create 1, update 0" }).click();
    await expect(dialog.getByTestId("import-report")).toContainText("1 created, 0 updated");
    expect((await api.get(target))?.data.json).toEqual({ a: 11, b: 20, c: 3 });
  });

  test("renames a subtree and copies it, keeping the data", async ({ page }) => {
    const zp = new ZnodePage(page, clusterId);
    const api = new ZnodeApi(page.request, clusterId);
    await zp.goto(`${root}/imported`);
    await zp.toolbar.getByRole("button", { name: "Copy / move" }).click();
    let dialog = zp.dialog(/^Copy, move or rename/);
    await dialog.getByLabel("Rename").check();
    await dialog.getByLabel("New name").fill("renamed");
    await dialog.getByRole("button", { name: "Rename", exact: true }).click();
    await expect(dialog.getByTestId("copy-report")).toContainText("Renamed 1 znodes");
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect(page.getByTestId("detail").locator(".detail-path")).toHaveText(`${root}/renamed`);
    expect(await api.get(`${root}/imported`)).toBeNull();

    await zp.toolbar.getByRole("button", { name: "Copy / move" }).click();
    dialog = zp.dialog(/^Copy, move or rename/);
    await dialog.getByLabel(/Target path/).fill(`${root}/copied`);
    await dialog.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(dialog.getByTestId("copy-report")).toContainText("Copied 1 znodes");
    for (const p of ["renamed", "copied"]) expect((await api.get(`${root}/${p}`))?.data.json).toEqual({ a: 11, b: 20, c: 3 });
  });

  test("copies to another registered cluster, which enforces its own size limit in the browser", async ({ page }) => {
    const api = new ZnodeApi(page.request, clusterId);
    await api.create(`${root}/other-root`);
    const res = await page.request.post("/api/v1/clusters", { data: { name: `${name}-chroot`, connectionString: `${zk()}${root}/other-root`, maxDataBytes: 64 } });
    expect(res.status(), await res.text()).toBe(201);
    const otherId = ((await res.json()) as { cluster: { id: string } }).cluster.id;

    const zp = new ZnodePage(page, clusterId);
    await zp.goto(`${root}/renamed`);
    await zp.toolbar.getByRole("button", { name: "Copy / move" }).click();
    const dialog = zp.dialog(/^Copy, move or rename/);
    await dialog.getByLabel("Target cluster").selectOption({ label: `${name}-chroot` });
    await dialog.getByLabel(/Target path/).fill("/from-main");
    await dialog.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(dialog.getByTestId("copy-report")).toContainText("Copied 1 znodes to /from-main, verified byte for byte");
    expect((await api.get(`${root}/other-root/from-main`))?.data.json).toEqual({ a: 11, b: 20, c: 3 });
    await dialog.getByRole("link", { name: "Open /from-main" }).click();

    const other = new ZnodePage(page, otherId);
    await expect(page.getByTestId("detail").locator(".detail-path")).toHaveText("/from-main");
    await other.openEditor();
    await other.typeValue(JSON.stringify({ text: "x".repeat(80) }));
    await expect(page.getByTestId("size-meter").first()).toContainText("too large: this cluster accepts at most 64 bytes per znode");
    await other.review();
    await expect(page.getByTestId("review").getByRole("button", { name: /^Save/ })).toBeDisabled();
  });

  test("edits a binary value as hex, with upload, download and the size limit", async ({ page }, testInfo) => {
    const zp = new ZnodePage(page, clusterId);
    const api = new ZnodeApi(page.request, clusterId);
    const blob = `${root}/blob`;
    await api.create(blob, Buffer.from([0, 1, 2, 0xfe, 0xff, 0x7f, 0x10]).toString("base64"), "base64");
    await zp.goto(blob);
    await zp.openEditor();
    await expect(zp.editor.getByLabel("Mode")).toHaveValue("binary");
    const hex = page.getByLabel(/^New value of/);
    await expect(hex).toHaveValue("00 01 02 fe ff 7f 10");
    await expect(zp.editor.getByTestId("hex-view")).toContainText("00000000  00 01 02 fe ff 7f 10");

    const [download] = await Promise.all([page.waitForEvent("download"), zp.editor.getByRole("button", { name: "Download value" }).click()]);
    const saved = testInfo.outputPath("blob.bin");
    await download.saveAs(saved);
    expect([...fs.readFileSync(saved)]).toEqual([0, 1, 2, 0xfe, 0xff, 0x7f, 0x10]);

    const upload = zp.editor.getByLabel("Upload a file");
    await upload.setInputFiles({ name: "huge.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(1024 * 1024 + 1) });
    await expect(zp.editor.getByRole("alert")).toContainText("huge.bin is 1.0 MiB; this cluster accepts at most 1 MiB per znode");
    await expect(hex).toHaveValue("00 01 02 fe ff 7f 10");
    await hex.fill("de ad zz");
    await expect(page.getByTestId("edit-problem")).toContainText('Line 1, column 7: "z" is not a hex digit');
    await expect(page.getByRole("button", { name: "Review changes" })).toBeDisabled();
    await upload.setInputFiles({ name: "new.bin", mimeType: "application/octet-stream", buffer: Buffer.from([0xde, 0xad, 0xbe, 0xef]) });
    await expect(hex).toHaveValue("de ad be ef");
    await zp.review();
    await expect(zp.diffLines("del")).toHaveText([/00 01 02 fe ff 7f 10/]);
    await expect(zp.diffLines("add")).toHaveText([/de ad be ef/]);
    await zp.save();
    await expect(page.getByTestId("notice")).toContainText("is now at version 1");
    expect((await api.get(blob))?.data.base64).toBe(Buffer.from([0xde, 0xad, 0xbe, 0xef]).toString("base64"));
  });

  test("a prod cluster refuses a write without a reason and the form names the field", async ({ page }) => {
    const res = await page.request.post("/api/v1/clusters", { data: { name: `${name}-prod`, connectionString: zk(), environment: "prod" } });
    expect(res.status(), await res.text()).toBe(201);
    const prodId = ((await res.json()) as { cluster: { id: string } }).cluster.id;
    const zp = new ZnodePage(page, prodId);
    const api = new ZnodeApi(page.request, prodId);
    await zp.goto(root);
    const dialog = await zp.createChild({ name: "needs-reason" });
    await expect(dialog.getByRole("alert")).toContainText("reason is required");
    await expect(dialog.getByLabel(/^Reason/)).toHaveAttribute("aria-invalid", "true");
    expect(await api.get(`${root}/needs-reason`)).toBeNull();
    await dialog.getByLabel(/^Reason/).fill("e2e: checking the reason rule");
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    expect(await zp.createdPath()).toBe(`${root}/needs-reason`);
  });

  test("bad input to the write API gets a clear 4xx and writes nothing", async ({ page }) => {
    const api = new ZnodeApi(page.request, clusterId);
    const before = await api.get(settings);
    const put = (data: unknown, headers?: Record<string, string>) => page.request.put(api.url("znode", { path: settings }), { data, headers });
    const cases: [Promise<import("@playwright/test").APIResponse>, number, RegExp][] = [
      [put(Buffer.from("{not json"), { "content-type": "application/json" }), 400, /not valid JSON/],
      [put(Buffer.from(JSON.stringify("a JSON string, not an object")), { "content-type": "application/json" }), 400, /Expected object, received string/],
      [put({ data: "x", version: "3" }), 400, /version must be a number/],
      [put({ data: "x", version: -1 }), 400, /version must be 0 or more/],
      [put({ data: "x", version: 2 ** 40 }), 400, /larger than ZooKeeper allows/],
      [put({ data: 42, version: 3 }), 400, /^data: /],
      [put({ data: "x", version: 3, extra: true }), 400, /extra/],
      [page.request.post(api.url("znode", { path: `${root}/ttl-bad` }), { data: { nodeType: "persistent_ttl", ttlMs: -5 } }), 400, /ttlMs must be at least 1/],
      [page.request.post(api.url("znode", { path: `${root}/ttl-bad` }), { data: { nodeType: "persistent_ttl", ttlMs: 1e15 } }), 400, /at most one year/],
      [page.request.post(api.url("znode", { path: `${root}/ttl-bad` }), { data: { nodeType: "sideways" } }), 400, /nodeType/],
      [page.request.post(api.url("znode", { path: `${root}/../escape` }), { data: {} }), 400, /relative segments/],
      [page.request.delete(api.url("znode", { path: settings, version: "-1" })), 400, /version/],
      [page.request.delete(api.url("znode", { path: settings, version: "abc" })), 400, /version/],
      [page.request.post(api.url("import", { path: `${root}/bad-import`, dryRun: "false" }), { data: Buffer.from('{"format":"zk-console-export","nodes":['), headers: { "content-type": "application/json" } }), 400, /not valid JSON/],
      [page.request.post(api.url("import", { path: `${root}/bad-import`, dryRun: "false" }), { data: { hello: "world" } }), 400, /not a zk-console-export file/],
    ];
    for (const [response, status, message] of cases) {
      const res = await response;
      expect(res.status(), await res.text()).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    expect(await api.get(settings)).toEqual(before);
    for (const p of [`${root}/ttl-bad`, "/escape", `${root}/bad-import`]) expect(await api.get(p)).toBeNull();
  });
});
