"use client";

import { useId } from "react";
import { useClusters } from "@/lib/clusters/client/use-clusters";

export type CopyOp = "copy" | "move" | "rename";
type Props = {
  clusterId: string;
  op: CopyOp;
  targetClusterId: string;
  onTargetCluster: (id: string) => void;
  target: string;
  onTarget: (path: string) => void;
};

/** Where the subtree goes: another path, optionally on another registered cluster (not for a rename). */
export function CopyTargetFields({ clusterId, op, targetClusterId, onTargetCluster, target, onTarget }: Props) {
  const clusterFieldId = useId();
  const targetId = useId();
  const clusters = useClusters();
  return (
    <div className="fields">
      {op !== "rename" && (
        <label className="field" htmlFor={clusterFieldId}>
          <span>Target cluster</span>
          <select id={clusterFieldId} value={targetClusterId} onChange={(e) => onTargetCluster(e.target.value)}>
            {(clusters.data ?? []).map((c) => (
              <option key={c.id} value={c.id} disabled={c.readOnly && c.id !== clusterId}>
                {c.name}{c.id === clusterId ? " (this cluster)" : ""}{c.readOnly ? " (read-only)" : ""}
              </option>
            ))}
            {!clusters.data && <option value={clusterId}>this cluster</option>}
          </select>
        </label>
      )}
      <label className="field" htmlFor={targetId}>
        <span>{op === "rename" ? "New name" : "Target path (must not exist yet)"}</span>
        <input id={targetId} value={target} onChange={(e) => onTarget(e.target.value)} autoComplete="off" spellCheck={false} required />
      </label>
    </div>
  );
}
