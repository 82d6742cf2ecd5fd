import { describe, expect, it } from "vitest";
import { auditEntryOfRequest } from "../audit/query";
import { actorCtx } from "@/test/support/actors";
import { BUILTIN_PRESETS, createPreset, deletePreset, listPresets, updatePreset } from "./presets";

describe("ACL presets", () => {
  it("offers open, read-only and creator-only built in", async () => {
    expect(BUILTIN_PRESETS.map((p) => p.entries)).toEqual([
      [{ scheme: "world", id: "anyone", perms: "cdrwa" }],
      [{ scheme: "world", id: "anyone", perms: "--r--" }],
      [{ scheme: "auth", id: "", perms: "cdrwa" }],
    ]);
    expect((await listPresets()).slice(0, 3)).toEqual(BUILTIN_PRESETS);
  });

  it("saves, changes and deletes custom presets: admins only, validated, audited", async () => {
    const name = `ops-${Date.now()}`;
    const entries = [{ scheme: "ip", id: "10.0.0.0/8", perms: "cdrwa" }, { scheme: "world", id: "anyone", perms: "r" }];
    await expect(createPreset({ ctx: actorCtx("editor"), input: { name, entries } })).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    await expect(createPreset({ ctx: actorCtx("admin"), input: { name, entries: [{ scheme: "ip", id: "10.0.0.0/40", perms: "r" }] } })).rejects.toThrow(/0–32/);

    const ctx = actorCtx("admin");
    const preset = await createPreset({ ctx, input: { name, entries } });
    expect(preset).toMatchObject({ name, builtin: false, entries: [{ scheme: "ip", id: "10.0.0.0/8", perms: "cdrwa" }, { scheme: "world", id: "anyone", perms: "--r--" }] });
    expect(await auditEntryOfRequest(ctx.requestId)).toMatchObject({ operation: "acl_preset_create", outcome: "ok", details: { name } });
    await expect(createPreset({ ctx: actorCtx("admin"), input: { name, entries } })).rejects.toMatchObject({ code: "PRESET_EXISTS", status: 409 });

    const updated = await updatePreset({ ctx: actorCtx("admin"), id: preset.id, input: { name, entries: [entries[0]] } });
    expect(updated.entries).toHaveLength(1);
    await expect(updatePreset({ ctx: actorCtx("admin"), id: "builtin:open", input: { name: "x", entries } })).rejects.toMatchObject({ code: "BUILTIN_PRESET" });

    const del = actorCtx("admin");
    await deletePreset({ ctx: del, id: preset.id });
    expect(await auditEntryOfRequest(del.requestId)).toMatchObject({ operation: "acl_preset_delete", before: { data: expect.stringContaining("10.0.0.0/8") } });
    expect((await listPresets()).some((p) => p.id === preset.id)).toBe(false);
  });
});
