import { ensureBootstrapAdmin } from "./auth/bootstrap-admin";
import { ensureDemoCluster } from "./demo/demo-cluster";

export async function startup() {
  await ensureBootstrapAdmin();
  await ensureDemoCluster();
}
