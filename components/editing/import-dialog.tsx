"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { Progress } from "@/lib/core/client/ndjson";
import type { ImportOptions } from "@/lib/znodes/client/types";
import { useImportDryRun } from "@/lib/znodes/client/use-import-dry-run";
import { useImportSubtree } from "@/lib/znodes/client/use-import-subtree";
import { PartialWork } from "./copy-report";
import { ImportFileField, type ImportFile } from "./import-file-field";
import { ImportPlanView, ImportReportView } from "./import-plan";
import { Modal } from "./modal";
import { ProgressBar } from "./progress-bar";
import { ReasonField } from "./reason-field";
import { WriteError } from "./write-error";

type Props = { clusterId: string; path: string; onClose: () => void };

/** Import an export file: a dry run first (what would change), then apply it with progress. */
export function ImportDialog({ clusterId, path, onClose }: Props) {
  const targetId = useId();
  const [file, setFile] = useState<ImportFile | null>(null);
  const [options, setOptions] = useState<ImportOptions>({ path, onExisting: "skip", acl: false });
  const [reason, setReason] = useState("");
  const [progress, setProgress] = useState<Progress | null>(null);
  const dryRun = useImportDryRun(clusterId);
  const apply = useImportSubtree(clusterId);
  const busy = dryRun.isPending || apply.isPending;
  const plan = dryRun.data;
  // A dry run only reads: it is cancelled when its answer no longer matters (new options, dialog closed).
  const planning = useRef<AbortController | null>(null);
  useEffect(() => () => planning.current?.abort(), []);
  const resetPlan = () => { planning.current?.abort(); dryRun.reset(); apply.reset(); };
  const change = (next: Partial<ImportOptions>) => { setOptions((o) => ({ ...o, ...next })); resetPlan(); };
  function runDryRun() {
    if (!file) return;
    resetPlan();
    planning.current = new AbortController();
    dryRun.mutate({ file: file.text, options, signal: planning.current.signal });
  }

  return (
    <Modal title={`Import into ${options.path || "…"}`} onClose={onClose} busy={apply.isPending} wide>
      <form className="form" onSubmit={(e) => { e.preventDefault(); runDryRun(); }}>
        <fieldset className="form" disabled={busy || apply.isSuccess} style={{ border: "none", padding: 0, margin: 0 }}>
          <ImportFileField onFile={(f) => { setFile(f); resetPlan(); }} />
          <div className="fields">
            <label className="field" htmlFor={targetId}>
              <span>Import under path</span>
              <input id={targetId} value={options.path} onChange={(e) => change({ path: e.target.value })} autoComplete="off" spellCheck={false} required />
            </label>
            <label className="field">
              <span>Existing znodes with other data</span>
              <select value={options.onExisting} onChange={(e) => change({ onExisting: e.target.value as ImportOptions["onExisting"] })}>
                <option value="skip">Leave them (report as conflicts)</option>
                <option value="overwrite">Overwrite them</option>
              </select>
            </label>
            <label className="field checkbox">
              <input type="checkbox" checked={options.acl} onChange={(e) => change({ acl: e.target.checked })} />
              <span>Apply the file&apos;s ACLs</span>
            </label>
          </div>
          <ReasonField value={reason} onChange={setReason} error={apply.error} />
        </fieldset>
        <WriteError error={dryRun.error} title="The file cannot be imported" />
        {plan && !apply.isSuccess && <ImportPlanView plan={plan} />}
        {apply.isPending && <ProgressBar progress={progress} label="Import progress" />}
        {apply.isSuccess && <ImportReportView report={apply.data} />}
        <WriteError error={apply.error} title="The import did not complete" />
        {apply.isError && <PartialWork error={apply.error} />}
        <div className="actions">
          <button type="submit" className="button" disabled={!file || busy || apply.isSuccess}>{dryRun.isPending ? "Checking…" : "Dry run"}</button>
          {plan && !apply.isSuccess && (
            <button type="button" className="button primary" disabled={busy || plan.counts.creates + plan.counts.updates === 0}
              onClick={() => { setProgress(null); apply.mutate({ file: file!.text, options: { ...options, reason: reason.trim() || undefined }, onProgress: setProgress }); }}>
              {apply.isPending ? "Importing…" : `Apply: create ${plan.counts.creates}, update ${plan.counts.updates}`}
            </button>
          )}
          <button type="button" className="button" onClick={onClose} disabled={apply.isPending}>{apply.isSuccess ? "Close" : "Cancel"}</button>
        </div>
      </form>
    </Modal>
  );
}
