"use client";

import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useZnodeHref } from "@/components/clusters/cluster-context";
import { parentPath } from "@/lib/znodes/client/refresh";
import { findByPrefix, parentRowIndex, treeRows, type TreeRow } from "@/lib/znodes/client/tree-rows";
import { useChildIndexes } from "@/lib/znodes/client/use-child-indexes";
import { listKey, useChildLists } from "@/lib/znodes/client/use-child-lists";
import { ancestorPaths, splitPath } from "@/lib/znodes/client/znode-path";
import { TreeRowView } from "./tree-row";

const ROW_HEIGHT = 24;
const TYPE_AHEAD_MS = 700;
/** Single-key shortcuts (components/shortcuts): a lone press is the shortcut, within a typed word it is a letter. */
const SHORTCUT_KEYS = new Set(["/", "?", "e", "n", "g"]);

type Props = { clusterId: string; currentPath: string; filter: string };

/**
 * The znode tree, WAI-ARIA tree pattern: one tab stop (roving tabindex), arrows, Home/End,
 * type-ahead, Enter opens the node and keeps focus here. Rows are virtualised over the whole
 * list (a node with 100,000 children opens in place; pages load as they scroll into view), and
 * the current node is revealed and selected.
 */
export function ZnodeTree({ clusterId, currentPath, filter }: Props) {
  const router = useRouter();
  const href = useZnodeHref();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(ancestorPaths(currentPath)));
  const [focusKey, setFocusKeyState] = useState(currentPath);
  // Keys pressed faster than React renders each move from the last one, not from the last render.
  const latestFocusKey = useRef(currentPath);
  const setFocusKey = useCallback((key: string) => { latestFocusKey.current = key; setFocusKeyState(key); }, []);
  const moveFocus = useRef(false);
  const typed = useRef({ text: "", at: 0 });
  // ArrowRight on a node whose children are still loading: go to the first one when they arrive.
  const descend = useRef<string | null>(null);

  // Opening a node (by any route: link, Back, a deep link) opens its trail and the node itself.
  useEffect(() => {
    setExpanded((prev) => (ancestorPaths(currentPath).every((p) => prev.has(p)) ? prev : new Set([...prev, ...ancestorPaths(currentPath)])));
  }, [currentPath]);

  const filterOf = useCallback((path: string) => (path === currentPath ? filter : ""), [currentPath, filter]);
  const refs = useMemo(() => [...expanded].sort().map((path) => ({ path, filter: filterOf(path) })), [expanded, filterOf]);
  const { lists, want } = useChildLists(clusterId, refs);
  const listOf = useCallback((path: string) => lists.get(listKey({ path, filter: filterOf(path) })), [lists, filterOf]);
  const rows = useMemo(() => treeRows({ expanded, listOf, filterOf }), [expanded, listOf, filterOf]);
  const indexOfKey = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);

  // The trail's positions, so a deep link loads the page it is on, not every page before it.
  const trail = useMemo(() => ancestorPaths(currentPath).slice(1).map((p) => ({ parent: parentPath(p), name: splitPath(p).at(-1) ?? "", filter: "" })), [currentPath]);
  const trailIndexes = useChildIndexes(clusterId, trail);
  useEffect(() => {
    trail.forEach((t, i) => { const at = trailIndexes[i]; if (at !== null) want({ path: t.parent, filter: t.filter }, at); });
  }, [trail, trailIndexes, want]);

  const focusIndex = indexOfKey.get(focusKey) ?? indexOfKey.get(currentPath) ?? 0;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    useFlushSync: false,
    getItemKey: (i) => rows[i]?.key ?? i,
    // The focused row stays rendered (and so the tree's one tab stop exists) wherever the scroll is.
    rangeExtractor: useCallback((range: Range) => [...new Set([...defaultRangeExtractor(range), focusIndex])].sort((a, b) => a - b), [focusIndex]),
  });
  const items = virtualizer.getVirtualItems();

  // Rows scrolled into view whose page is not loaded: ask for it.
  useEffect(() => {
    for (const item of items) {
      const row = rows[item.index];
      if (row?.kind === "node" && row.path === null && row.parent) want({ path: row.parent, filter: filterOf(row.parent) }, row.index);
    }
  }, [items, rows, want, filterOf]);

  // The current node scrolls into view once it is placed (a deep link), and takes the focus stop.
  const revealed = useRef<string | null>(null);
  const currentIndex = indexOfKey.get(currentPath);
  useEffect(() => {
    if (currentIndex === undefined || revealed.current === currentPath) return;
    revealed.current = currentPath;
    if (!moveFocus.current) setFocusKey(currentPath);
    virtualizer.scrollToIndex(currentIndex, { align: "auto" });
  }, [currentIndex, currentPath, virtualizer]);

  // After a keyboard move, the DOM focus follows (once the row is rendered).
  useEffect(() => {
    if (!moveFocus.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`);
    if (el) { el.focus({ preventScroll: true }); moveFocus.current = false; }
  });

  useEffect(() => {
    const from = descend.current === null ? undefined : indexOfKey.get(descend.current);
    if (from === undefined) return;
    const next = rows[from + 1];
    if (next?.kind === "note" && next.note === "loading") return;
    descend.current = null;
    if (next && next.level > rows[from].level && next.kind === "node") focusRow(from + 1);
  });

  const focusRow = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    moveFocus.current = true;
    setFocusKey(row.key);
    virtualizer.scrollToIndex(indexOfKey.get(row.key) ?? 0, { align: "auto" });
  };
  const open = (path: string) => { setFocusKey(path); moveFocus.current = true; router.push(href(path)); };
  const setOpen = (path: string, on: boolean) => setExpanded((prev) => {
    const next = new Set(prev);
    if (on) next.add(path);
    else for (const p of prev) if (p === path || p.startsWith(path === "/" ? "/" : `${path}/`)) next.delete(p);
    return next;
  });
  const isLeaf = (path: string) => { const l = listOf(path); return expanded.has(path) && l?.total === 0; };
  const expandedState = (row: TreeRow) => (row.kind !== "node" || row.path === null || isLeaf(row.path) ? undefined : expanded.has(row.path));

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const at = indexOfKey.get(latestFocusKey.current) ?? focusIndex;
    const row = rows[at];
    const path = row?.kind === "node" ? row.path : null;
    const handled = (fn: () => void) => { e.preventDefault(); fn(); };
    switch (e.key) {
      case "ArrowDown": return handled(() => focusRow(at + 1));
      case "ArrowUp": return handled(() => focusRow(at - 1));
      case "Home": return handled(() => focusRow(0));
      case "End": return handled(() => focusRow(rows.length - 1));
      case "ArrowRight": return handled(() => {
        if (!path || isLeaf(path)) return;
        const next = rows[at + 1];
        if (!expanded.has(path)) setOpen(path, true);
        else if (next?.kind === "note" && next.note === "loading") descend.current = path;
        else if ((next?.level ?? 0) > row.level) focusRow(at + 1);
      });
      case "ArrowLeft": return handled(() => {
        if (path && expanded.has(path) && !isLeaf(path) && path !== "/") setOpen(path, false);
        else focusRow(parentRowIndex(rows, at));
      });
      case "Enter": return handled(() => { if (path) open(path); });
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && e.key !== " ") {
      const now = Date.now();
      const inWord = now - typed.current.at < TYPE_AHEAD_MS;
      if (!inWord && SHORTCUT_KEYS.has(e.key)) return;
      e.preventDefault();
      e.stopPropagation(); // a typed word is the tree's, not the page's shortcuts
      const text = inWord ? typed.current.text + e.key : e.key;
      typed.current = { text, at: now };
      const found = findByPrefix(rows, text.length > 1 ? at : at + 1, text);
      if (found >= 0) focusRow(found);
    }
  }

  return (
    <div ref={scrollRef} role="tree" aria-label="Znodes" className="tree" data-testid="tree" onKeyDown={onKeyDown}>
      <div role="none" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <TreeRowView
              key={item.key}
              clusterId={clusterId}
              row={row}
              style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              focused={item.index === focusIndex}
              selected={row.kind === "node" && row.path === currentPath}
              expanded={expandedState(row)}
              filter={filter}
              onOpen={open}
              onToggle={(p) => setOpen(p, !expanded.has(p))}
            />
          );
        })}
      </div>
    </div>
  );
}
