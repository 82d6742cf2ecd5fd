"use client";

import { useMemo, useState } from "react";
import { ApiError } from "@/lib/core/client/api-fetch";
import type { VersionConflict, Znode } from "@/lib/znodes/client/types";
import { useSetData } from "@/lib/znodes/client/use-set-data";
import { base64ToBytes } from "@/lib/editing/bytes";
import { bytesOf, payloadOf, sameBytes, textOf, type Draft } from "@/lib/editing/draft";
import { detectMode } from "@/lib/editing/modes";
import { ChangedSinceNote } from "@/components/live/changed-since-note";
import { CodeEditor } from "./code-editor";
import { ConflictResolver } from "./conflict-resolver";
import { ReviewChanges } from "./review-changes";
import { SizeMeter } from "./size-meter";

type Version = { bytes: Uint8Array; version: number };
type Props = { clusterId: string; path: string; znode: Znode; maxBytes: number; onDone: (message: string | null) => void };

function conflictOf(error: unknown): Version | null {
  if (!(error instanceof ApiError) || error.code !== "BAD_VERSION" || !error.details) return null;
  const d = error.details as VersionConflict;
  if (!("current" in d)) return null; // the server could not read the node now: its message says reload
  return { bytes: base64ToBytes(d.current.base64), version: d.currentVersion };
}

/**
 * Edit a znode's data. The version and value seen when the editor opened are kept here (not
 * re-read from the cache), so a change made meanwhile is detected on save, never overwritten.
 */
export function DataEditor({ clusterId, path, znode, maxBytes, onDone }: Props) {
  const [base, setBase] = useState<Version>(() => ({ bytes: base64ToBytes(znode.data.base64), version: znode.stat.version }));
  const [draft, setDraft] = useState<Draft>(() => {
    const mode = detectMode(znode.data, path);
    return { mode, text: textOf(base64ToBytes(znode.data.base64), mode) };
  });
  const [stage, setStage] = useState<"edit" | "review">("edit");
  const [conflict, setConflict] = useState<Version | null>(null);
  const [reason, setReason] = useState("");
  const setData = useSetData(clusterId, path);
  const fileName = path.slice(path.lastIndexOf("/") + 1);
  const bytes = useMemo(() => bytesOf(draft).bytes, [draft]);

  function save() {
    if (!bytes) return;
    setData.mutate(
      { ...payloadOf(bytes), version: base.version, reason: reason.trim() || undefined },
      {
        onSuccess: (stat) => onDone(`Saved: ${path} is now at version ${stat.version}`),
        onError: (e) => {
          const current = conflictOf(e);
          if (current) setConflict(current);
        },
      },
    );
  }
  function restartFrom(next: Version, nextDraft: Draft, nextStage: "edit" | "review") {
    setBase(next);
    setDraft(nextDraft);
    setConflict(null);
    setStage(nextStage);
    setData.reset();
  }

  // Live: warn before saving when someone else changed the znode since the editor opened.
  const changedNote = <ChangedSinceNote clusterId={clusterId} path={path} baseVersion={base.version} hidden={setData.isPending} />;

  if (conflict) {
    return (
      <ConflictResolver
        base={base}
        theirs={conflict}
        yours={draft}
        fileName={fileName}
        maxBytes={maxBytes}
        onUseMerged={(merged) => restartFrom(conflict, merged, "review")}
        onDiscardMine={() => restartFrom(conflict, { mode: draft.mode, text: textOf(conflict.bytes, draft.mode) }, "edit")}
        onCancel={() => onDone(null)}
      />
    );
  }
  if (stage === "review") {
    return <>{changedNote}<ReviewChanges base={base} draft={draft} maxBytes={maxBytes} reason={reason} onReason={setReason} pending={setData.isPending} error={setData.error} onBack={() => setStage("edit")} onSave={save} /></>;
  }
  return (
    <div className="editor-stage" data-testid="data-editor">
      {changedNote}
      <CodeEditor draft={draft} onChange={setDraft} label={`New value of ${path}`} fileName={fileName} maxBytes={maxBytes} />
      <div className="actions">
        <button type="button" className="button primary" disabled={!bytes} onClick={() => setStage("review")}>
          Review changes
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        {bytes && <SizeMeter size={bytes.length} max={maxBytes} />}
        {bytes && sameBytes(bytes, base.bytes) && <span className="muted">unchanged</span>}
      </div>
    </div>
  );
}
