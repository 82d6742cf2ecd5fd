"use client";

import { useId, useMemo, useState } from "react";
import { bytesOf, textOf, type Draft } from "@/lib/editing/draft";
import { MODE_LABELS } from "@/lib/editing/modes";
import { DiffView } from "./diff-view";
import { ProblemNote } from "./problem-note";
import { ReasonField } from "./reason-field";
import { SizeMeter } from "./size-meter";
import { WriteError } from "./write-error";
import { useCheck } from "./code-editor";

type Props = {
  base: { bytes: Uint8Array; version: number };
  draft: Draft;
  maxBytes: number;
  reason: string;
  onReason: (reason: string) => void;
  pending: boolean;
  error: unknown;
  onBack: () => void;
  onSave: () => void;
};

/** The diff between the version the operator opened and the new value, then the save. */
export function ReviewChanges({ base, draft, maxBytes, reason, onReason, pending, error, onBack, onSave }: Props) {
  const overrideId = useId();
  const [override, setOverride] = useState(false);
  const check = useCheck(draft);
  const bytes = useMemo(() => bytesOf(draft).bytes, [draft]);
  const before = useMemo(() => textOf(base.bytes, draft.mode), [base, draft.mode]);
  const after = useMemo(() => (bytes && draft.mode === "binary" ? textOf(bytes, "binary") : draft.text), [bytes, draft]);
  const tooLarge = bytes !== null && bytes.length > maxBytes;
  const blocked = !bytes || tooLarge || (check.error !== null && !override);

  return (
    <div className="editor" data-testid="review">
      <h3>Review before saving (version {base.version})</h3>
      <DiffView before={before} after={after} label={`Version ${base.version} → your value`} />
      {bytes && <SizeMeter size={bytes.length} max={maxBytes} />}
      {check.error && (
        <>
          <ProblemNote problem={check.error} />
          {bytes && (
            <label className="field checkbox" htmlFor={overrideId}>
              <input id={overrideId} type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
              <span>Save anyway, although it is not valid {MODE_LABELS[draft.mode]}</span>
            </label>
          )}
        </>
      )}
      <ReasonField value={reason} onChange={onReason} error={error} />
      <WriteError error={error} title="Not saved" />
      <div className="actions">
        <button type="button" className="button primary" disabled={blocked || pending} onClick={onSave}>
          {pending ? "Saving…" : `Save (expects version ${base.version})`}
        </button>
        <button type="button" className="button" disabled={pending} onClick={onBack}>
          Back to editing
        </button>
      </div>
    </div>
  );
}
