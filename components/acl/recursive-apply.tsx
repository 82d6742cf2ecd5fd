"use client";

import { useEffect, useState } from "react";
import { Modal } from "@/components/editing/modal";
import { ReasonField } from "@/components/editing/reason-field";
import { WriteError } from "@/components/editing/write-error";
import { useApplyRecursiveAcl, useRecursiveAclPreview } from "@/lib/acl/client/use-recursive-acl";
import { ApiError } from "@/lib/core/client/api-fetch";
import type { Progress } from "@/lib/core/client/ndjson";
import type { AclEntry } from "@/lib/znodes/client/types";
import { LockoutNotice } from "./lockout-notice";

type Props = { clusterId: string; path: string; acl: AclEntry[]; onClose: () => void };

const fmt = (n: number) => n.toLocaleString("en-US");

/** Preview (how many znodes, which differ), then apply the draft ACL to the whole subtree with progress. */
export function RecursiveApplyDialog({ clusterId, path, acl, onClose }: Props) {
  const preview = useRecursiveAclPreview(clusterId, path);
  const apply = useApplyRecursiveAcl(clusterId, path);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [reason, setReason] = useState("");
  const [override, setOverride] = useState(false);
  const { mutate: runPreview } = preview;
  useEffect(() => runPreview({ acl }), [runPreview, acl]);
  const lockout = apply.error instanceof ApiError && apply.error.code === "LOCKOUT" ? apply.error : null;
  const p = preview.data;

  return (
    <Modal title={`Apply this ACL to everything under ${path}`} onClose={onClose} busy={apply.isPending}>
      <pre className="samples">{acl.map((e) => `${e.scheme}:${e.id}:${e.perms}`).join("\n")}</pre>
      {preview.isPending && <p className="muted">Reading the subtree’s ACLs…</p>}
      {preview.error && <WriteError error={preview.error} />}
      {p && (
        <div className="report" data-testid="recursive-preview">
          <p>
            {fmt(p.count)} znodes; <strong>{fmt(p.differ)}</strong> have a different ACL and would change, {fmt(p.same)} already have it.
            {p.blockedCount > 0 && ` ${fmt(p.blockedCount)} could not be listed by the console (no READ): their children are not included.`}
          </p>
          {p.samples.length > 0 && (<><span className="muted">Would change{p.differ > p.samples.length ? ` (first ${p.samples.length})` : ""}:</span><ul>{p.samples.map((s) => <li key={s}>{s}</li>)}</ul></>)}
        </div>
      )}
      {lockout && <LockoutNotice error={lockout} override={override} onOverride={setOverride} />}
      <ReasonField value={reason} onChange={setReason} error={apply.error} />
      {apply.isPending && (
        <div className="progress" data-testid="progress">
          <progress aria-label="Recursive ACL progress" max={progress?.total || 1} value={progress?.total ? progress.done : 0} />
          <span className="muted" role="status">{progress?.phase === "setting" ? `Setting ACLs: ${fmt(progress.done)} of ${fmt(progress.total)}` : `Reading the subtree: ${fmt(progress?.done ?? 0)} znodes`}</span>
        </div>
      )}
      {apply.data && (
        <p className="notice ok" role="status" data-testid="recursive-result">
          Changed {fmt(apply.data.changed)} of {fmt(apply.data.count)} znodes ({fmt(apply.data.unchanged)} already had this ACL
          {apply.data.skipped.length ? `; ${fmt(apply.data.skipped.length)} skipped: ${apply.data.skipped.slice(0, 3).map((s) => `${s.path} (${s.why})`).join("; ")}` : ""}).
        </p>
      )}
      {!lockout && <WriteError error={apply.error} />}
      <div className="actions">
        {!apply.data && (
          <button type="button" className="button primary" disabled={!p || p.differ === 0 || apply.isPending || (override && !reason.trim())}
            onClick={() => apply.mutate({ input: { acl, reason: reason.trim() || undefined, override }, onProgress: setProgress })}>
            Apply to {p ? fmt(p.differ) : "…"} znodes
          </button>
        )}
        <button type="button" className="button" disabled={apply.isPending} onClick={onClose}>{apply.data ? "Close" : "Cancel"}</button>
      </div>
    </Modal>
  );
}
