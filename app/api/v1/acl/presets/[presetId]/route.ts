// PUT|DELETE /api/v1/acl/presets/{presetId} – change or delete a saved ACL preset (admins, audited)
import { route } from "@/lib/access/route";
import { deletePreset, updatePreset } from "@/lib/acl";

export const PUT = route({ permission: "admin" }, async ({ params, ctx, body }) => ({ preset: await updatePreset({ ctx, id: params.presetId, input: await body() }) }));

export const DELETE = route({ permission: "admin" }, async ({ params, ctx }) => {
  await deletePreset({ ctx, id: params.presetId });
  return { ok: true } as const;
});
