"use client";

import { useState } from "react";
import { useAclPresets, useDeletePreset, useSavePreset } from "@/lib/acl/client/use-acl-presets";
import { errorMessage } from "@/lib/core/client/api-fetch";
import type { AclEntry } from "@/lib/znodes/client/types";

type Props = { current: AclEntry[]; canSave: boolean; onApply: (entries: AclEntry[]) => void };

/** Built-in and saved presets; admins save the current draft as a new one or delete saved ones. */
export function PresetPicker({ current, canSave, onApply }: Props) {
  const presets = useAclPresets();
  const save = useSavePreset();
  const remove = useDeletePreset();
  const [selected, setSelected] = useState("");
  const [name, setName] = useState("");
  const preset = presets.data?.find((p) => p.id === selected);

  return (
    <div className="acl-tool" aria-label="Presets" role="group">
      <h3>Presets</h3>
      <div className="row">
        <label className="field">
          <span>Preset</span>
          <select value={selected} onChange={(e) => setSelected(e.target.value)}>
            <option value="">Choose a preset…</option>
            {presets.data?.map((p) => <option key={p.id} value={p.id}>{p.name}{p.builtin ? "" : " (saved)"}</option>)}
          </select>
        </label>
        <button type="button" className="button" disabled={!preset} onClick={() => preset && onApply(preset.entries)}>Use preset</button>
        {canSave && preset && !preset.builtin && (
          <button type="button" className="button danger" disabled={remove.isPending} onClick={() => remove.mutate(preset.id, { onSuccess: () => setSelected("") })}>Delete preset</button>
        )}
      </div>
      {canSave && (
        <div className="row">
          <label className="field">
            <span>Save these entries as</span>
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="preset name" maxLength={80} />
          </label>
          <button type="button" className="button" disabled={!name.trim() || save.isPending} onClick={() => save.mutate({ name: name.trim(), entries: current }, { onSuccess: () => setName("") })}>Save preset</button>
        </div>
      )}
      {(save.error || remove.error || presets.error) && <p className="error-text" role="alert">{errorMessage(save.error ?? remove.error ?? presets.error)}</p>}
      {save.isSuccess && <p className="ok-text" role="status">Preset saved.</p>}
    </div>
  );
}
