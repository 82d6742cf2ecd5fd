import { useId } from "react";
import { EDIT_MODES, MODE_LABELS, type EditMode } from "@/lib/editing/modes";

export function ModeSelect({ mode, onChange }: { mode: EditMode; onChange: (mode: EditMode) => void }) {
  const id = useId();
  return (
    <label className="field inline" htmlFor={id}>
      <span>Mode</span>
      <select id={id} value={mode} onChange={(e) => onChange(e.target.value as EditMode)}>
        {EDIT_MODES.map((m) => (
          <option key={m} value={m}>
            {MODE_LABELS[m]}
          </option>
        ))}
      </select>
    </label>
  );
}
