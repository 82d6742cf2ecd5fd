import { expect, type Page } from "@playwright/test";

export const ADMIN = { username: "admin", password: "e2e-admin-password" };

export async function logIn(page: Page, user = ADMIN) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/clusters/);
}
