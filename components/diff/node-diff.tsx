"use client";

import { DiffLines } from "@/components/diff/diff-lines";
import type { DiffAdded, DiffChanged, DiffNode, DiffRemoved } from "@/lib/diff/schema";
import { patchLines } from "@/lib/editing/diff-lines";
import "@/components/editing/editing.css";

export type NodeRow = DiffAdded | DiffRemoved | DiffChanged;

function Facts({ side, node }: { side: string; node: DiffNode }) {
  return <li>{side}: version {node.version}, {node.size.toLocaleString()} bytes, sha256 <code>{node.sha256.slice(0, 16)}…</code>{node.ephemeral && ", ephemeral"}</li>;
}

/** What differs at one node: its value (a line diff of text, sizes and hashes of bytes), ACL, node type. */
export function NodeDiff({ row }: { row: NodeRow }) {
  return (
    <section className="node-diff" aria-label={`Difference at ${row.path}`} data-testid="node-diff">
      <h2><code>{row.path}</code></h2>
      <ul className="muted">
        {row.type === "added" && <><li>Only on the left.</li><Facts side="Left" node={row.left} /></>}
        {row.type === "removed" && <><li>Only on the right.</li><Facts side="Right" node={row.right} /></>}
        {row.type === "changed" && <><Facts side="Left" node={row.left} /><Facts side="Right" node={row.right} /></>}
        {row.type === "changed" && row.acl && <li>The ACLs differ.</li>}
        {row.type === "changed" && row.nodeType && <li>The node types differ (ephemeral on one side).</li>}
        {row.type === "changed" && row.data?.binary && <li>The values differ (binary, or too large for a text diff).</li>}
      </ul>
      {row.type === "changed" && row.data?.patch && (
        <DiffLines lines={patchLines(row.data.patch)} className="diff" rowClass="diff-line" label={`Value at ${row.path}, right (−) to left (+)`} testId="node-diff-lines" />
      )}
    </section>
  );
}
