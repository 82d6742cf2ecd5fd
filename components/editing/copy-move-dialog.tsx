"use client";

import { useState } from "react";
import type { Progress } from "@/lib/core/client/ndjson";
import { parentPath } from "@/lib/znodes/client/refresh";
import { useCopySubtree } from "@/lib/znodes/client/use-copy-subtree";
import { childPath } from "@/lib/znodes/client/znode-path";
import { CopyReport, PartialWork } from "./copy-report";
import { CopyTargetFields, type CopyOp } from "./copy-target-fields";
import { Modal } from "./modal";
import { ProgressBar } from "./progress-bar";
import { ReasonField } from "./reason-field";
import { WriteError } from "./write-error";

type Props = { clusterId: string; path: string; onClose: (moved: { clusterId: string; path: string } | null) => void };

const VERBS: Record<CopyOp, [string, string]> = { copy: ["Copy", "Copied"], move: ["Move", "Moved"], rename: ["Rename", "Renamed"] };

export function CopyMoveDialog({ clusterId, path, onClose }: Props) {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const [op, setOp] = useState<CopyOp>("copy");
  const [targetClusterId, setTargetClusterId] = useState(clusterId);
  const [target, setTarget] = useState(`${path}-copy`);
  const [newName, setNewName] = useState(name);
  const [withAcl, setWithAcl] = useState(false);
  const [reason, setReason] = useState("");
  const [progress, setProgress] = useState<Progress | null>(null);
  const copy = useCopySubtree(clusterId);
  const move = op !== "copy";
  const destination = op === "rename" ? childPath(parentPath(path), newName.trim()) : target.trim();
  const destinationCluster = op === "rename" ? clusterId : targetClusterId;
  const close = () => onClose(copy.isSuccess && move ? { clusterId: destinationCluster, path: destination } : null);

  function submit() {
    setProgress(null);
    copy.mutate({ input: { source: path, target: destination, targetClusterId: destinationCluster, withAcl, move, reason: reason.trim() || undefined }, onProgress: setProgress });
  }
  return (
    <Modal title={`Copy, move or rename ${path}`} onClose={close} busy={copy.isPending}>
      <form className="form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <fieldset className="actions" disabled={copy.isPending || copy.isSuccess}>
          <legend className="muted">Operation</legend>
          {(["copy", "move", "rename"] as const).map((o) => (
            <label key={o} className="field checkbox">
              <input type="radio" name="copy-op" value={o} checked={op === o} onChange={() => setOp(o)} />
              <span>{VERBS[o][0]}</span>
            </label>
          ))}
        </fieldset>
        <CopyTargetFields clusterId={clusterId} op={op} targetClusterId={targetClusterId} onTargetCluster={setTargetClusterId} target={op === "rename" ? newName : target} onTarget={op === "rename" ? setNewName : setTarget} />
        <label className="field checkbox">
          <input type="checkbox" checked={withAcl} onChange={(e) => setWithAcl(e.target.checked)} />
          <span>Copy ACLs too (otherwise new znodes get world:anyone)</span>
        </label>
        {move && <p className="muted">The source is deleted only after the copy is verified and if nothing under it changed meanwhile.</p>}
        <ReasonField value={reason} onChange={setReason} error={copy.error} />
        {copy.isPending && <ProgressBar progress={progress} label={`${VERBS[op][0]} progress`} />}
        {copy.isSuccess && <CopyReport result={copy.data} verb={VERBS[op][1]} onOpen={() => onClose(null)} />}
        <WriteError error={copy.error} title={`The ${op} did not complete`} />
        {copy.isError && <PartialWork error={copy.error} />}
        <div className="actions">
          {!copy.isSuccess && (
            <button type="submit" className="button primary" disabled={copy.isPending || !destination}>
              {copy.isPending ? "Working…" : VERBS[op][0]}
            </button>
          )}
          <button type="button" className="button" onClick={close} disabled={copy.isPending}>{copy.isSuccess ? "Close" : "Cancel"}</button>
        </div>
      </form>
    </Modal>
  );
}
