import { prepareAuth } from "./auth/startup";
import { ensureDemoCluster } from "./demo/demo-cluster";

export async function startup() {
  await prepareAuth();
  await ensureDemoCluster();
}
