"use client";

import { useState, type FormEvent } from "react";
import { useClusters } from "@/lib/clusters/client/use-clusters";
import { parseSide, sideOf, type DiffSides } from "@/lib/diff/client/urls";

type Side = { clusterId: string; path: string };

function SideFields({ label, side, onChange }: { label: string; side: Side; onChange: (s: Side) => void }) {
  const clusters = useClusters();
  return (
    <fieldset className="diff-side">
      <legend>{label}</legend>
      <label className="field">
        <span>{label} cluster</span>
        <select value={side.clusterId} onChange={(e) => onChange({ ...side, clusterId: e.target.value })}>
          <option value="">choose a cluster</option>
          {(clusters.data ?? []).map((c) => <option key={c.id} value={c.id}>{c.name} ({c.environment})</option>)}
        </select>
      </label>
      <label className="field"><span>{label} path</span><input value={side.path} onChange={(e) => onChange({ ...side, path: e.target.value })} /></label>
    </fieldset>
  );
}

const start = (side: string): Side => (side ? parseSide(side) : { clusterId: "", path: "/" });

/** Left (the source of a promotion) and right (its target): a cluster and a path each. */
export function DiffForm({ initial, onSubmit }: { initial: DiffSides; onSubmit: (s: DiffSides) => void }) {
  const [left, setLeft] = useState(start(initial.left));
  const [right, setRight] = useState(start(initial.right));
  const ready = left.clusterId && right.clusterId && left.path.startsWith("/") && right.path.startsWith("/");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) onSubmit({ left: sideOf(left.clusterId, left.path), right: sideOf(right.clusterId, right.path) });
  };
  return (
    <form className="card form diff-form" onSubmit={submit} aria-label="Compare">
      <SideFields label="Left" side={left} onChange={setLeft} />
      <SideFields label="Right" side={right} onChange={setRight} />
      <div className="actions"><button type="submit" className="button primary" disabled={!ready}>Compare</button></div>
    </form>
  );
}
