// Stored XSS: znode names and data, ACL ids and IdP claims carrying script and HTML payloads
// render as text on every screen that shows them. Each visit checks that no dialog fired, that no
// injected element or handler attribute exists in the DOM, and that the payload text is visible.
import { expect, test, type Page } from "@playwright/test";
import { ssoLogIn } from "./fixtures/sso-login";
import { IDP_USERS } from "./fixtures/oidc-users";
import { logIn } from "./pages/login-page";
import { LiveApi, LivePage } from "./pages/live-page";
import { ZnodeApi, ZnodePage } from "./pages/znode-page";
import { e2eZooKeeper as zk } from "./pages/clusters-page";


const NAME_IMG = "<img src=x onerror=alert(101)>";
const NAME_SVG = '"><svg onload=alert(102)>';
const NAME_JS = "javascript:alert(103)";
const DATA_SCRIPT = "<script>alert(201)</script><img src=x onerror=alert(202)>";
const DATA_SCRIPT_2 = '<a href="javascript:alert(205)">click</a><iframe srcdoc="<script>alert(206)</script>"></iframe>';
const DATA_JSON = JSON.stringify({ html: "<img src=x onerror=alert(203)>", href: "javascript:alert(204)" });
const ACL_ID = `<svg/onload=alert(301)>:${"A".repeat(27)}=`;
const LIVE_NAME = "<img src=x onerror=alert(401)>-live";
const MALLORY = IDP_USERS.mallory;

/** Fails the test on any dialog; checks the DOM holds no injected element and shows each text. */
function guard(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return async (where: string, texts: string[]) => {
    for (const t of texts) await expect(page.getByText(t, { exact: false }).first(), `${where}: ${t}`).toBeVisible();
    const injected = await page.evaluate(() => ({
      handlerAttributes: [...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
      imgX: document.querySelectorAll('img[src="x"]').length,
      iframes: document.querySelectorAll("iframe").length,
      javascriptUrls: [...document.querySelectorAll("[href],[src],[action],[formaction]")].filter((el) => ["href", "src", "action", "formaction"].some((a) => (el.getAttribute(a) ?? "").trim().toLowerCase().startsWith("javascript:"))).length,
      // Next.js inlines page data in nonced scripts with < escaped; raw markup there would break out.
      scriptsWithRawMarkup: [...document.scripts].filter((s) => /<(img|svg|script|iframe|a)\b|<\/script/i.test(s.textContent ?? "")).length,
      inlineScriptsWithoutNonce: [...document.scripts].filter((s) => !s.src && !s.nonce).length,
    }));
    expect(injected, where).toEqual({ handlerAttributes: [], imgX: 0, iframes: 0, javascriptUrls: 0, scriptsWithRawMarkup: 0, inlineScriptsWithoutNonce: 0 });
    expect(dialogs, where).toEqual([]);
  };
}

test.describe.serial("stored XSS payloads render as text everywhere", () => {
  const cluster = `xss-${Date.now()}`;
  let clusterId = "";

  test("seed: znode names, data and an ACL id carrying payloads, changed twice for history and diffs", async ({ page }) => {
    await logIn(page);
    const created = await page.request.post("/api/v1/clusters", { data: { name: cluster, connectionString: zk() } });
    expect(created.status()).toBe(201);
    clusterId = (await created.json()).cluster.id;
    const api = new ZnodeApi(page.request, clusterId);
    await api.create("/xss", DATA_JSON);
    await api.create(`/xss/${NAME_IMG}`, DATA_SCRIPT);
    await api.create(`/xss/${NAME_SVG}`, NAME_JS);
    await api.create(`/xss/${NAME_JS}`, "");
    await api.set(`/xss/${NAME_IMG}`, DATA_SCRIPT_2, 0);
    await api.create("/xss/acl-node", "");
    const acl = await page.request.put(api.url("acl", { path: "/xss/acl-node" }), {
      data: { acl: [{ scheme: "world", id: "anyone", perms: "cdrwa" }, { scheme: "digest", id: ACL_ID, perms: "r" }], aversion: 0 },
    });
    expect(acl.status(), await acl.text()).toBe(200);
  });

  test("tree, children list, detail, data and JSON views", async ({ page }) => {
    const check = guard(page);
    await logIn(page);
    const znode = new ZnodePage(page, clusterId);
    await znode.goto("/xss");
    await expect(page.getByTestId("children-list")).toContainText(NAME_IMG);
    await check("children of /xss", [NAME_IMG, NAME_SVG, NAME_JS, "<img src=x onerror=alert(203)>"]);
    await page.getByRole("tree").getByText("xss", { exact: true }).first().click().catch(() => {});
    await znode.goto(`/xss/${NAME_IMG}`);
    await expect(page.getByTestId("znode-data")).toContainText(DATA_SCRIPT_2);
    await check("detail of the img node", [DATA_SCRIPT_2]);
    await znode.goto(`/xss/${NAME_SVG}`);
    await check("detail of the svg node", [NAME_SVG, NAME_JS]);
  });

  test("the data editor's diff before saving", async ({ page }) => {
    const check = guard(page);
    await logIn(page);
    const znode = new ZnodePage(page, clusterId);
    await znode.goto(`/xss/${NAME_IMG}`);
    await znode.openEditor();
    await znode.typeValue(DATA_SCRIPT);
    await znode.review();
    await expect(page.getByTestId("diff")).toContainText(DATA_SCRIPT);
    await check("editor diff", [DATA_SCRIPT_2, DATA_SCRIPT]);
  });

  test("ACL tab with a payload in a digest id", async ({ page }) => {
    const check = guard(page);
    await logIn(page);
    const znode = new ZnodePage(page, clusterId);
    await znode.goto("/xss/acl-node");
    await page.getByRole("tab", { name: "ACL" }).click();
    await expect(page.getByTestId("acl-panel")).toContainText("<svg/onload=alert(301)>");
    await check("ACL tab", ["<svg/onload=alert(301)>"]);
  });

  test("History tab and the audit trail with before/after diffs", async ({ page }) => {
    const check = guard(page);
    await logIn(page);
    const znode = new ZnodePage(page, clusterId);
    await znode.goto(`/xss/${NAME_IMG}`);
    await page.getByRole("tab", { name: "History" }).click();
    await expect(page.getByTestId("history-entry").first().getByTestId("value-diff")).toContainText(DATA_SCRIPT_2);
    await check("History tab", [DATA_SCRIPT_2]);

    await page.goto(`/audit?${new URLSearchParams({ pathPrefix: "/xss", clusterId })}`);
    await expect(page.getByTestId("audit-table")).toContainText(NAME_IMG);
    await check("audit list", [NAME_IMG, NAME_SVG]);
    await page.getByTestId("audit-row").filter({ hasText: NAME_IMG }).filter({ hasText: /set/ }).first().getByRole("link").first().click();
    await expect(page.getByTestId("audit-entry")).toContainText(NAME_IMG);
    await expect(page.getByTestId("value-diff")).toContainText(DATA_SCRIPT_2);
    await check("audit entry", [DATA_SCRIPT, DATA_SCRIPT_2]);
  });

  test("the live feed shows payload-named znodes as they change", async ({ page }) => {
    const check = guard(page);
    await logIn(page);
    const live = new LivePage(page, clusterId);
    await live.gotoFeed(["/xss", `/xss/${NAME_SVG}`]);
    const api = new LiveApi(page.request, clusterId);
    await api.create(`/xss/${LIVE_NAME}`, DATA_SCRIPT);
    await api.set(`/xss/${NAME_SVG}`, DATA_SCRIPT);
    await expect(page.getByTestId("live-feed")).toContainText(`+${LIVE_NAME}`);
    await expect(page.getByTestId("live-feed")).toContainText(`/xss/${NAME_SVG}`);
    await check("live feed", [LIVE_NAME, NAME_SVG]);
  });

  test("an IdP display name and group with payloads: the header, the admin users and groups pages", async ({ page, browser }) => {
    const mallory = await browser.newPage();
    const checkMallory = guard(mallory);
    await ssoLogIn(mallory, "mallory");
    await expect(mallory.getByTestId("current-user")).toContainText(MALLORY.name);
    await checkMallory("header as mallory", [MALLORY.name]);
    await mallory.close();

    const check = guard(page);
    await logIn(page);
    await page.goto("/admin/users");
    await expect(page.getByTestId("user-row").filter({ hasText: "mallory" })).toContainText(MALLORY.name);
    await check("admin users", [MALLORY.name, MALLORY.groups[0]]);
    await page.goto("/admin/groups");
    await expect(page.getByTestId("groups-table")).toContainText(MALLORY.groups[0]);
    await check("admin groups", [MALLORY.groups[0]]);
    await page.goto(`/audit?${new URLSearchParams({ operation: "login", actor: "mallory" })}`);
    await check("audit of mallory's sign-in", ["mallory"]);
  });
});
