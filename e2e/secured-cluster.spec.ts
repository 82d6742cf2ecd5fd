// A TLS-only ZooKeeper (secureClientPort, Netty, ssl.clientAuth=need) registered through the Add
// cluster form: the CA read from a file, the client certificate and key pasted; the step-by-step
// connection test naming an untrusted CA, the save refused with "Save anyway" offered, then the
// right CA, saved, shown as facts only, and browsed over TLS.
import { expect, test } from "@playwright/test";
import { startDigestMember, startTlsMember, type TlsMember } from "../test/secure-zookeeper/members";
import type { SecureMember } from "../test/secure-zookeeper/server";
import { clusterIdByName } from "./pages/clusters-page";
import { logIn } from "./pages/login-page";

test.describe.serial("secured clusters registered through the form", () => {
  let zk: TlsMember;
  let digestZk: SecureMember;
  const name = `e2e-tls-${Date.now()}`;

  test.beforeAll(async () => {
    [zk, digestZk] = await Promise.all([startTlsMember(), startDigestMember({ console: "console-secret" })]);
  });
  test.afterAll(async () => {
    await Promise.all([zk?.stop(), digestZk?.stop()]);
  });

  test("registers it with a CA file and a pasted client certificate, after the test names a wrong CA", async ({ page }) => {
    await logIn(page);
    await page.goto("/clusters");
    const form = page.getByRole("region", { name: "Add cluster" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Connection string").fill(`localhost:${zk.port}`);
    await form.getByLabel("TLS", { exact: true }).selectOption("on");
    await form.getByLabel("CA certificate (PEM) file").setInputFiles(zk.pki.otherCa.certPath);
    await expect(form.getByLabel("CA certificate (PEM)", { exact: true })).toHaveValue(/BEGIN CERTIFICATE/);
    await form.getByLabel("Client certificate (PEM, optional)", { exact: true }).fill(zk.pki.client.certPem);
    await form.getByLabel("Client key (PEM, optional)", { exact: true }).fill(zk.pki.client.keyPem);

    await form.getByRole("button", { name: "Test connection" }).click();
    const tlsStep = form.locator('[data-testid=diagnosis-step][data-step=tls]');
    await expect(tlsStep).toHaveAttribute("data-status", "failed");
    await expect(tlsStep).toContainText("is not signed by the CA given in the TLS settings");
    await expect(tlsStep).toContainText("Next: set as CA certificate the one that signed the members' certificates");

    await form.getByRole("button", { name: "Save", exact: true }).click();
    await expect(form.getByRole("alert")).toContainText(/^TLS: a trial connection with these settings was refused/);
    await expect(form.getByRole("button", { name: "Save anyway" })).toBeVisible();

    await form.getByLabel("CA certificate (PEM) file").setInputFiles(zk.pki.ca.certPath);
    await form.getByRole("button", { name: "Test connection" }).click();
    await expect(form.getByRole("status", { name: "Connection diagnosis" })).toContainText("Every check passed.");
    await expect(tlsStep).toHaveAttribute("data-status", "ok");
    await expect(form.locator('[data-testid=diagnosis-step][data-step=session]')).toHaveAttribute("data-status", "ok");
    await form.getByRole("button", { name: "Save", exact: true }).click();

    const row = page.getByTestId("cluster-row").filter({ hasText: name });
    await expect(row).toBeVisible();
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue("");
    // Shown as facts only: subjects and expiry, never the PEMs.
    await row.getByRole("button", { name: "Edit" }).click();
    const stored = row.getByTestId("stored-security");
    await expect(stored).toContainText(/TLS: set; CA CN=zk-console test CA \(issued by CN=zk-console test CA, expires \d{4}-\d\d-\d\d\); client certificate CN=zk-console/);
    await expect(stored).toContainText("SASL: off.");
    await expect(row.getByLabel("TLS", { exact: true })).toHaveValue("keep");
    const listed = await (await page.request.get("/api/v1/clusters")).text();
    expect(listed).not.toContain("BEGIN");

    // The stored settings diagnosed; removing TLS is refused (the member answers only TLS), keeping them saves.
    await row.getByRole("button", { name: "Run diagnostics" }).click();
    await expect(row.getByRole("status", { name: "Connection diagnosis" })).toContainText("Every check passed.");
    await row.getByLabel("TLS", { exact: true }).selectOption("off");
    await row.getByRole("button", { name: "Save", exact: true }).click();
    await expect(row.getByRole("alert")).toContainText(`TLS: localhost:${zk.port} answers only TLS`);
    await expect(row.getByRole("button", { name: "Save anyway" })).toBeVisible();
    await row.getByLabel("TLS", { exact: true }).selectOption("keep");
    await expect(row.getByRole("button", { name: "Save anyway" })).toBeHidden();
    await row.getByRole("button", { name: "Save", exact: true }).click();
    await expect(row.getByTestId("stored-security")).toBeHidden();
  });

  test("browses it over TLS", async ({ page }) => {
    await logIn(page);
    const id = await clusterIdByName(page, name);
    const created = await page.request.post(`/api/v1/clusters/${id}/znode?path=${encodeURIComponent("/over-tls")}`, { data: { data: "hello over TLS" } });
    expect(created.status()).toBe(201);
    await page.goto("/clusters");
    await page.getByTestId("cluster-row").filter({ hasText: name }).getByRole("link", { name: "Browse" }).click();
    const tree = page.getByRole("tree", { name: "Znodes" });
    await expect(tree.getByRole("treeitem", { name: "zookeeper", exact: true })).toBeVisible();
    await tree.getByRole("treeitem", { name: "over-tls", exact: true }).click();
    await expect(page.getByTestId("znode-data")).toContainText("hello over TLS");
  });

  test("registers a DIGEST-MD5 cluster: a wrong password is refused, the right one saves, shown by its user only", async ({ page }) => {
    const digestName = `e2e-digest-${Date.now()}`;
    await logIn(page);
    await page.goto("/clusters");
    const form = page.getByRole("region", { name: "Add cluster" });
    await form.getByLabel("Name", { exact: true }).fill(digestName);
    await form.getByLabel("Connection string").fill(digestZk.connectionString);
    await form.getByLabel("SASL", { exact: true }).selectOption("DIGEST-MD5");
    await form.getByLabel("SASL user", { exact: true }).fill("console");
    await form.getByLabel("SASL password", { exact: true }).fill("not-the-password");
    await form.getByRole("button", { name: "Save", exact: true }).click();
    await expect(form.getByRole("alert")).toContainText(/^SASL: a trial connection with these settings was refused/);
    await expect(form.getByRole("button", { name: "Save anyway" })).toBeVisible();

    await form.getByLabel("SASL password", { exact: true }).fill("console-secret");
    await expect(form.getByRole("button", { name: "Save anyway" })).toBeHidden();
    await form.getByRole("button", { name: "Save", exact: true }).click();
    const row = page.getByTestId("cluster-row").filter({ hasText: digestName });
    await expect(row).toBeVisible();
    await row.getByRole("button", { name: "Edit" }).click();
    await expect(row.getByTestId("stored-security")).toHaveText("TLS: off. SASL: set; DIGEST-MD5 as console.");
    await expect(row.getByLabel("SASL", { exact: true })).toHaveValue("keep");
    expect(await page.content()).not.toContain("console-secret");
    expect(await (await page.request.get("/api/v1/clusters")).text()).not.toContain("console-secret");
  });
});
