// Runs once when the server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureBootstrapAdmin } = await import("./lib/auth/bootstrap-admin");
  const { ensureDemoCluster } = await import("./lib/demo/demo-cluster");
  await ensureBootstrapAdmin();
  await ensureDemoCluster();
}
