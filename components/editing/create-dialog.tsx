"use client";

import Link from "next/link";
import { useId, useMemo, useState } from "react";
import type { NodeType } from "@/lib/znodes/client/types";
import { useCreateZnode } from "@/lib/znodes/client/use-create-znode";
import { childPath } from "@/lib/znodes/client/znode-path";
import { useZnodeHref } from "@/components/clusters/cluster-context";
import { bytesOf, payloadOf, type Draft } from "@/lib/editing/draft";
import { CodeEditor, useCheck } from "./code-editor";
import { Modal } from "./modal";
import { NodeTypeFields, ttlMsOf } from "./node-type-fields";
import { ReasonField } from "./reason-field";
import { SizeMeter } from "./size-meter";
import { WriteError } from "./write-error";

type Props = { clusterId: string; parent: string; maxBytes: number; onClose: () => void };

export function CreateDialog({ clusterId, parent, maxBytes, onClose }: Props) {
  const znodeHref = useZnodeHref();
  const nameId = useId();
  const [name, setName] = useState("");
  const [nodeType, setNodeType] = useState<NodeType>("persistent");
  const [ttlSeconds, setTtlSeconds] = useState("3600");
  const [draft, setDraft] = useState<Draft>({ mode: "text", text: "" });
  const [createParents, setCreateParents] = useState(false);
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState("");
  const create = useCreateZnode(clusterId);
  const check = useCheck(draft);
  const bytes = useMemo(() => bytesOf(draft).bytes, [draft]);
  const path = name.startsWith("/") ? name : childPath(parent, name.trim());
  const ttl = nodeType.endsWith("_ttl") ? ttlMsOf(ttlSeconds) : null;
  const problem = !name.trim() ? "a name is required" : ttl?.error ?? (bytes && bytes.length > maxBytes ? "the value is too large" : null);

  function submit() {
    if (problem || !bytes) return;
    create.mutate({ path, input: { ...payloadOf(bytes), nodeType, ttlMs: ttl?.ms ?? undefined, createParents, reason: reason.trim() || undefined } });
  }

  if (create.isSuccess) {
    const created = create.data;
    return (
      <Modal title="Znode created" onClose={onClose}>
        <p className="notice ok" role="status" data-testid="created-path">
          Created <code>{created.path}</code>
          {created.parentsCreated.length > 0 && ` (and its parents ${created.parentsCreated.join(", ")})`}
        </p>
        {created.ephemeral && <p className="notice">It is ephemeral: it goes away with the console&apos;s ZooKeeper session.</p>}
        <div className="actions">
          <Link className="button primary" href={znodeHref(created.path)} onClick={onClose}>Open it</Link>
          <button type="button" className="button" onClick={() => create.reset()}>Create another</button>
          <button type="button" className="button" onClick={onClose}>Close</button>
        </div>
      </Modal>
    );
  }
  return (
    <Modal title={`Create a znode under ${parent}`} onClose={onClose} busy={create.isPending} wide>
      <form className="form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <label className="field" htmlFor={nameId}>
          <span>Name (or a relative path like a/b/c)</span>
          <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required />
        </label>
        {name.trim() && <p className="muted">Will create <code>{path}</code></p>}
        <NodeTypeFields nodeType={nodeType} onType={setNodeType} ttlSeconds={ttlSeconds} onTtl={setTtlSeconds} />
        <label className="field checkbox">
          <input type="checkbox" checked={createParents} onChange={(e) => setCreateParents(e.target.checked)} />
          <span>Create parents (missing ones, as empty persistent znodes)</span>
        </label>
        <CodeEditor draft={draft} onChange={setDraft} label="Data" fileName={name} maxBytes={maxBytes} small />
        {bytes && <SizeMeter size={bytes.length} max={maxBytes} />}
        {check.error && bytes && (
          <label className="field checkbox">
            <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
            <span>Create anyway, although the data has the problem shown above</span>
          </label>
        )}
        <ReasonField value={reason} onChange={setReason} error={create.error} />
        {ttl?.error && <p className="problem">{ttl.error}</p>}
        <WriteError error={create.error} title={create.error && (create.error as { code?: string }).code === "TTL_UNSUPPORTED" ? "TTL nodes are not enabled on this cluster" : "Not created"} />
        <div className="actions">
          <button type="submit" className="button primary" disabled={!!problem || !bytes || (!!check.error && !override) || create.isPending}>
            {create.isPending ? "Creating…" : "Create"}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={create.isPending}>Cancel</button>
        </div>
      </form>
    </Modal>
  );
}
