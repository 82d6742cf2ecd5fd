// Every screen at 1280×800: axe-core finds no serious or critical violation (light theme), and a
// screenshot of each is kept under the test output dir (an artefact, not committed). Dark mode
// changes only the palette, so the dark pass is limited to screens that show each palette's
// surfaces (tree, data, tables, forms, badges): axe's colour-contrast rule and a screenshot.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { clusterIdByName, registerCluster, e2eZooKeeper as zk } from "./pages/clusters-page";
import { logIn } from "./pages/login-page";

test.use({ viewport: { width: 1280, height: 800 } });

const stamp = zk().split(":").at(-1) ?? "0";
const name = `screens-${stamp}`;
const settled = (p: Page) => expect(p.getByRole("main")).not.toContainText("Loading");

type Screen = { id: string; url: string; ready: (p: Page) => Promise<void>; dark?: true };
/** Each screen with what shows it has finished loading (axe on a half-drawn page proves little). */
const screens = (slug: string): Screen[] => [
  { id: "clusters", url: "/clusters", ready: (p) => expect(p.getByTestId("cluster-row").first()).toBeVisible(), dark: true },
  { id: "znodes-big", url: `/clusters/${slug}/znodes/big`, ready: (p) => expect(p.getByTestId("child-row").first()).toBeVisible(), dark: true },
  { id: "znode-leaf", url: `/clusters/${slug}/znodes/deep/level-1/level-2/level-3/level-4/leaf`, ready: (p) => expect(p.getByTestId("stat-table")).toBeVisible(), dark: true },
  { id: "znode-acl", url: `/clusters/${slug}/znodes/app?tab=acl`, ready: (p) => expect(p.getByTestId("acl-panel")).toBeVisible() },
  { id: "znode-history", url: `/clusters/${slug}/znodes/app?tab=history`, ready: (p) => expect(p.getByRole("tabpanel")).toBeVisible() },
  { id: "health", url: `/clusters/${slug}/health`, ready: (p) => expect(p.getByTestId("members-table")).toBeVisible(), dark: true },
  { id: "sessions", url: `/clusters/${slug}/sessions`, ready: settled },
  { id: "recipes", url: `/clusters/${slug}/recipes`, ready: settled },
  { id: "live", url: `/clusters/${slug}/live`, ready: (p) => expect(p.getByRole("main")).toBeVisible() },
  { id: "audit", url: "/audit", ready: settled, dark: true },
  { id: "admin", url: "/admin", ready: settled },
  { id: "admin-users", url: "/admin/users", ready: settled, dark: true },
  { id: "admin-grants", url: "/admin/grants", ready: settled },
  { id: "admin-groups", url: "/admin/groups", ready: (p) => expect(p.getByText("No group mappings yet")).toBeVisible() },
  { id: "ensemble", url: "/ensemble", ready: (p) => expect(p.getByRole("main")).toBeVisible() },
  { id: "tokens", url: "/tokens", ready: settled },
  { id: "not-found", url: "/no-such-page", ready: (p) => expect(p.getByRole("heading", { name: "Page not found" })).toBeVisible() },
];

async function seriousViolations(page: Page, rules?: string[]) {
  // Legacy mode runs axe in the page itself (this console has no frames), not in a second page.
  const axe = new AxeBuilder({ page }).setLegacyMode(true);
  const { violations } = await (rules ? axe.withRules(rules) : axe).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

test("every screen: no serious or critical axe violation (light; dark colour contrast); screenshots kept", async ({ page }, info) => {
  test.setTimeout(240_000);
  const found: Record<string, string[]> = {};
  const visit = async (id: string, scheme: "light" | "dark", rules?: string[]) => {
    found[`${id}-${scheme}`] = await seriousViolations(page, rules);
    await page.screenshot({ path: info.outputPath(`${id}-${scheme}.png`) });
  };

  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await visit("login", "light");
  await page.emulateMedia({ colorScheme: "dark" });
  await visit("login", "dark", ["color-contrast"]);
  await page.emulateMedia({ colorScheme: "light" });
  await logIn(page);
  const slug = await clusterIdByName(page, name).then(() => name, async () => {
    await registerCluster(page, name, zk());
    await clusterIdByName(page, name);
    return name;
  });
  for (const s of screens(slug)) {
    await page.goto(s.url);
    await s.ready(page);
    await visit(s.id, "light");
    if (!s.dark) continue;
    await page.emulateMedia({ colorScheme: "dark" });
    await visit(s.id, "dark", ["color-contrast"]);
    await page.emulateMedia({ colorScheme: "light" });
  }
  expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
});
