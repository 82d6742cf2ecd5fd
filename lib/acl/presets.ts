// ACL presets: three built in, plus custom ones admins save (AclPreset rows, audited).
import "server-only";
import { requireGlobalAdmin } from "@/lib/access/permissions";
import { auditedDbChange } from "@/lib/access/audit/db-change";
import { auditJson } from "@/lib/access/audit/values";
import { db } from "@/lib/core/db/client";
import { errors } from "@/lib/core/errors";
import type { RequestCtx } from "@/lib/core/context";
import type { AclView } from "@/lib/core/zk/perms";
import { rulesView } from "./format";
import { presetInput } from "./schema";

export type AclPresetView = { id: string; name: string; entries: AclView[]; builtin: boolean };

export const BUILTIN_PRESETS: AclPresetView[] = [
  { id: "builtin:open", name: "Open to everyone (world:anyone:cdrwa)", entries: [{ scheme: "world", id: "anyone", perms: "cdrwa" }], builtin: true },
  { id: "builtin:read-only", name: "Read-only for everyone (world:anyone:r)", entries: [{ scheme: "world", id: "anyone", perms: "--r--" }], builtin: true },
  { id: "builtin:creator-only", name: "Creator only (auth::cdrwa)", entries: [{ scheme: "auth", id: "", perms: "cdrwa" }], builtin: true },
];

type Row = { id: string; name: string; entries: string };
const view = (r: Row): AclPresetView => ({ id: r.id, name: r.name, entries: JSON.parse(r.entries) as AclView[], builtin: false });

async function uniqueName<T>(name: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") throw errors.presetExists(name);
    throw e;
  }
}

/** Every signed-in user sees the presets (they reveal no secret); only admins change them. */
export async function listPresets(): Promise<AclPresetView[]> {
  const rows = await db().aclPreset.findMany({ orderBy: { name: "asc" } });
  return [...BUILTIN_PRESETS, ...rows.map(view)];
}

export async function createPreset({ ctx, input }: { ctx: RequestCtx; input: unknown }): Promise<AclPresetView> {
  requireGlobalAdmin(ctx.actor, "save ACL presets");
  const p = presetInput.parse(input);
  const entries = JSON.stringify(rulesView(p.entries));
  const row = await auditedDbChange(ctx, { operation: "acl_preset_create", details: { name: p.name } },
    (tx) => uniqueName(p.name, () => tx.aclPreset.create({ data: { name: p.name, entries, createdBy: ctx.actor.name } })),
    (r) => ({ after: auditJson(view(r)) }));
  return view(row);
}

async function savedPreset(id: string): Promise<Row> {
  if (id.startsWith("builtin:")) throw errors.builtinPreset();
  const row = await db().aclPreset.findUnique({ where: { id } });
  if (!row) throw errors.notFound(`no ACL preset with id ${JSON.stringify(id)}`);
  return row;
}

export async function updatePreset({ ctx, id, input }: { ctx: RequestCtx; id: string; input: unknown }): Promise<AclPresetView> {
  requireGlobalAdmin(ctx.actor, "change ACL presets");
  const p = presetInput.parse(input);
  const before = await savedPreset(id);
  const row = await auditedDbChange(ctx, { operation: "acl_preset_update", before: auditJson(view(before)), details: { name: p.name } },
    (tx) => uniqueName(p.name, () => tx.aclPreset.update({ where: { id }, data: { name: p.name, entries: JSON.stringify(rulesView(p.entries)) } })),
    (r) => ({ after: auditJson(view(r)) }));
  return view(row);
}

export async function deletePreset({ ctx, id }: { ctx: RequestCtx; id: string }): Promise<void> {
  requireGlobalAdmin(ctx.actor, "delete ACL presets");
  const before = await savedPreset(id);
  await auditedDbChange(ctx, { operation: "acl_preset_delete", before: auditJson(view(before)), details: { name: before.name } },
    (tx) => tx.aclPreset.delete({ where: { id } }));
}
