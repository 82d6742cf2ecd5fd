// DELETE /api/v1/clusters/{id}/credentials/{credentialId} – remove one ZooKeeper credential (admins, audited)
import { route } from "@/lib/access/route";
import { removeCredential } from "@/lib/clusters";

export const DELETE = route({ permission: "cluster:admin", cluster: "id" }, async ({ params, ctx }) => {
  await removeCredential({ ctx, clusterId: params.id, credentialId: params.credentialId });
  return { ok: true } as const;
});
