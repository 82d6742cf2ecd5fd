import { expect, test } from "@playwright/test";

test.describe("without a session", () => {
  test("the API answers 401 with a JSON error", async ({ request }) => {
    for (const url of ["/api/v1/clusters", "/api/v1/clusters/x/znode?path=/", "/api/v1/clusters/x/children?path=/"]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(401);
      expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
    }
    const post = await request.post("/api/v1/clusters", { data: { name: "x", connectionString: "127.0.0.1:2181" } });
    expect(post.status()).toBe(401);
  });

  test("pages redirect to the login page", async ({ page }) => {
    await page.goto("/clusters");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fclusters/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  });

  test("a wrong password is refused", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Username").fill("admin");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Invalid username or password")).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });
});
