"use client";

import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";

type Tab<T extends string> = { id: T; label: string };

/** WAI-ARIA tabs: one tab stop, Left/Right/Home/End move between tabs and select them. */
export function DetailTabs<T extends string, X extends Tab<T>>({ tabs, active, onSelect, children }: { tabs: X[]; active: T; onSelect: (id: T) => void; children: (tab: X) => ReactNode }) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  const at = tabs.indexOf(current);

  function onKeyDown(e: KeyboardEvent) {
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    onSelect(next.id);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(`${base}-${next.id}`)}`)?.focus();
  }

  return (
    <>
      <div className="detail-tabs" role="tablist" aria-label="Znode details" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`${base}-${t.id}`}
            type="button"
            role="tab"
            className="detail-tab"
            aria-selected={t.id === current.id}
            aria-controls={`${base}-panel`}
            tabIndex={t.id === current.id ? 0 : -1}
            onClick={() => onSelect(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${current.id}`}>{children(current)}</div>
    </>
  );
}
