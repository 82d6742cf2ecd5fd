"use client";

import { useMemo, useState } from "react";
import { textOf, type Draft } from "@/lib/editing/draft";
import { suggestMerge } from "@/lib/editing/merge";
import { CodeEditor } from "./code-editor";

type Version = { bytes: Uint8Array; version: number };
type Props = {
  base: Version;
  theirs: Version;
  yours: Draft;
  fileName: string;
  maxBytes: number;
  onUseMerged: (merged: Draft) => void;
  onDiscardMine: () => void;
  onCancel: () => void;
};

function Pane({ title, text, testId }: { title: string; text: string; testId: string }) {
  return (
    <section className="conflict-pane">
      <h3>{title}</h3>
      <pre data-testid={testId}>{text || "(empty)"}</pre>
    </section>
  );
}

/** Someone saved meanwhile: compare base, theirs and yours, merge, and save against their version. */
export function ConflictResolver({ base, theirs, yours, fileName, maxBytes, onUseMerged, onDiscardMine, onCancel }: Props) {
  const texts = useMemo(() => ({ base: textOf(base.bytes, yours.mode), theirs: textOf(theirs.bytes, yours.mode) }), [base, theirs, yours.mode]);
  const suggestion = useMemo(() => suggestMerge(texts.base, yours.text, texts.theirs, yours.mode === "json"), [texts, yours]);
  const [merged, setMerged] = useState<Draft>({ mode: yours.mode, text: suggestion.text });

  return (
    <div className="editor" data-testid="conflict">
      <div className="notice" role="alert">
        Someone else saved this znode while you were editing: it is now at version {theirs.version}, you started from version {base.version}. Nothing was
        overwritten. Merge the values below and save against version {theirs.version}, or discard your edit.
      </div>
      <div className="conflict-panes">
        <Pane title={`Base: version ${base.version} (what you opened)`} text={texts.base} testId="conflict-base" />
        <Pane title={`Theirs: version ${theirs.version} (saved meanwhile)`} text={texts.theirs} testId="conflict-theirs" />
        <Pane title="Yours (not saved)" text={yours.text} testId="conflict-yours" />
      </div>
      {suggestion.conflicts.length > 0 ? (
        <div className="notice">
          Both sides changed the same part; the merge keeps yours there. Check: {suggestion.conflicts.join(", ")}
        </div>
      ) : (
        <p className="muted">The merged value combines both changes{suggestion.how === "json" ? " key by key" : " line by line"}. Check it before saving.</p>
      )}
      <CodeEditor draft={merged} onChange={setMerged} label="Merged value" fileName={fileName} maxBytes={maxBytes} small />
      <div className="actions">
        <button type="button" className="button primary" onClick={() => onUseMerged(merged)}>
          Review merged value
        </button>
        <button type="button" className="button" onClick={onDiscardMine}>
          Discard mine, edit theirs
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel editing
        </button>
      </div>
    </div>
  );
}
