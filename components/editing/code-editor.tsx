"use client";

import { useDeferredValue, useId, useMemo, useRef, useState } from "react";
import { bytesOf, switchMode, type Draft } from "@/lib/editing/draft";
import { canFormat, checkText, compactText, formatText, type Check } from "@/lib/editing/modes";
import { BinaryTools } from "./binary-tools";
import { HexView } from "./hex-view";
import { ModeSelect } from "./mode-select";
import { ProblemNote, selectLine } from "./problem-note";

type Props = { draft: Draft; onChange: (draft: Draft) => void; label: string; fileName: string; maxBytes: number; small?: boolean };

/** The value being edited in one of the modes, checked as it is typed. */
export function useCheck(draft: Draft): Check {
  const deferred = useDeferredValue(draft);
  return useMemo(() => checkText(deferred.mode, deferred.text), [deferred]);
}

export function CodeEditor({ draft, onChange, label, fileName, maxBytes, small = false }: Props) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState<string | null>(null);
  const check = useCheck(draft);
  const bytes = useMemo(() => (draft.mode === "binary" ? bytesOf(draft).bytes : null), [draft]);

  function changeMode(mode: Draft["mode"]) {
    const r = switchMode(draft, mode);
    setNote(r.error);
    if (r.draft) onChange(r.draft);
  }
  function reformat(compact: boolean) {
    const r = compact ? { text: compactText(draft.mode, draft.text), problem: null } : formatText(draft.mode, draft.text);
    if (r.text !== null) onChange({ ...draft, text: r.text });
    setNote(r.problem ? "Cannot format: fix the problem below first" : null);
  }

  return (
    <div className="editor" data-testid="code-editor">
      <div className="editor-bar">
        <ModeSelect mode={draft.mode} onChange={changeMode} />
        {canFormat(draft.mode) && (
          <button type="button" className="button" onClick={() => reformat(false)}>
            Format
          </button>
        )}
        {draft.mode === "json" && (
          <button type="button" className="button" onClick={() => reformat(true)}>
            Compact
          </button>
        )}
        {note && <span className="problem" role="status">{note}</span>}
      </div>
      {draft.mode === "binary" && <BinaryTools bytes={bytes} fileName={fileName} maxBytes={maxBytes} onUpload={(text) => onChange({ mode: "binary", text })} />}
      <label className="field" htmlFor={id}>
        <span>{label}</span>
        <textarea
          id={id}
          ref={ref}
          className={small ? "code-input small" : "code-input"}
          value={draft.text}
          onChange={(e) => onChange({ ...draft, text: e.target.value })}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-invalid={check.error ? true : undefined}
        />
      </label>
      {check.error && <ProblemNote problem={check.error} onJump={(p) => selectLine(ref.current, p)} />}
      {check.warnings.map((w, i) => (
        <ProblemNote key={i} problem={w} warning onJump={(p) => selectLine(ref.current, p)} />
      ))}
      {bytes && <HexView bytes={bytes} />}
    </div>
  );
}
