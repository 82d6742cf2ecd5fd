"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";

type Props = { storageKey: string; label: string; initial: number; min: number; max: number; start: ReactNode; end: ReactNode };

const STEP = 16;

/**
 * Two panes side by side with a draggable separator (WAI-ARIA window splitter: focusable,
 * Left/Right/Home/End resize it). The width is remembered in localStorage.
 */
export function SplitPane({ storageKey, label, initial, min, max, start, end }: Props) {
  const [width, setWidth] = useState(initial);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const clamp = (w: number) => Math.round(Math.min(max, Math.max(min, w)));

  useEffect(() => {
    const saved = Number(localStorage.getItem(storageKey));
    if (saved) setWidth(Math.round(Math.min(max, Math.max(min, saved))));
  }, [storageKey, min, max]);
  const resize = (w: number) => {
    const next = clamp(w);
    setWidth(next);
    localStorage.setItem(storageKey, String(next));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const to = { ArrowLeft: width - STEP, ArrowRight: width + STEP, Home: min, End: max }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    resize(to);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: e.clientX, width };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => { if (drag.current) resize(drag.current.width + e.clientX - drag.current.x); };
  const onPointerUp = () => { drag.current = null; };

  return (
    <div className="split-pane" style={{ gridTemplateColumns: `${width}px 8px minmax(0, 1fr)` }}>
      <div className="split-start">{start}</div>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={label}
        aria-valuenow={width}
        aria-valuemin={min}
        aria-valuemax={max}
        tabIndex={0}
        className="split-handle"
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      />
      <div className="split-end">{end}</div>
    </div>
  );
}
