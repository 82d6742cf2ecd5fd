"use client";

import type { CSSProperties } from "react";
import { useLiveFlash } from "@/lib/watch/client/use-live-flash";
import type { TreeRow } from "@/lib/znodes/client/tree-rows";

type Props = {
  clusterId: string;
  row: TreeRow;
  style: CSSProperties;
  focused: boolean;
  selected: boolean;
  /** true / false for a node that may have children, undefined for a known leaf. */
  expanded: boolean | undefined;
  filter: string;
  onOpen: (path: string) => void;
  onToggle: (path: string) => void;
};

const NOTES = { loading: "Loading…", error: "Could not list the children", "no-match": "No children match" } as const;

/** One treeitem of the flat, virtualised tree. Names are untrusted: rendered as text only. */
export function TreeRowView({ clusterId, row, style, focused, selected, expanded, filter, onOpen, onToggle }: Props) {
  const flashing = useLiveFlash(clusterId, row.kind === "node" ? row.path ?? "" : "");
  const indent = { ...style, paddingLeft: 4 + (row.level - 1) * 14 };
  if (row.kind === "note") {
    return (
      <div role="treeitem" aria-level={row.level} aria-disabled="true" tabIndex={-1} className={`tree-row tree-note${row.note === "error" ? " error-text" : " muted"}`} style={indent} data-key={row.key}>
        {NOTES[row.note]}{row.note === "no-match" ? ` “${filter}”` : ""}
      </div>
    );
  }
  const { path, name } = row;
  return (
    <div
      role="treeitem"
      aria-level={row.level}
      aria-posinset={row.posinset}
      aria-setsize={row.setsize}
      aria-expanded={expanded}
      aria-selected={selected}
      aria-busy={name === undefined || undefined}
      tabIndex={focused ? 0 : -1}
      className={`tree-row${selected ? " current" : ""}${flashing ? " live-flash" : ""}`}
      style={indent}
      data-key={row.key}
      data-name={name}
      title={path ?? undefined}
      onClick={() => path && onOpen(path)}
    >
      <span
        className="tree-toggle"
        aria-hidden
        onClick={(e) => {
          e.stopPropagation();
          if (path && expanded !== undefined) onToggle(path);
        }}
      >
        {expanded === undefined ? "" : expanded ? "▾" : "▸"}
      </span>
      <span className="tree-name">{name ?? <span className="muted">…</span>}</span>
    </div>
  );
}
