import { expect, type Page } from "@playwright/test";

export async function registerCluster(page: Page, name: string, connectionString: string) {
  await page.goto("/clusters");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Connection string").fill(connectionString);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
}

/** The id of a registered cluster, read through the same API the UI uses. */
export async function clusterIdByName(page: Page, name: string): Promise<string> {
  const res = await page.request.get("/api/v1/clusters");
  const { clusters } = (await res.json()) as { clusters: { id: string; name: string }[] };
  const cluster = clusters.find((c) => c.name === name);
  if (!cluster) throw new Error(`cluster ${name} is not registered`);
  return cluster.id;
}

/** The connection string of the ZooKeeper the global setup started. */
export function e2eZooKeeper(): string {
  const c = process.env.E2E_ZK;
  if (!c) throw new Error("E2E_ZK is not set: the global setup starts ZooKeeper");
  return c;
}
