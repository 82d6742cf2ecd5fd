"use client";

import { useId, useState, type ReactNode } from "react";

/**
 * A short explanation shown on hover and on keyboard focus (WAI-ARIA tooltip pattern): the
 * trigger is described by it, Escape hides it. The trigger is focusable so keyboards reach it.
 */
export function Tooltip({ tip, children, testId }: { tip: ReactNode; children: ReactNode; testId?: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span
      className="tooltip-anchor"
      tabIndex={0}
      aria-describedby={id}
      data-testid={testId}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={(e) => { if (e.key === "Escape") setOpen(false); }}
    >
      {children}
      <span role="tooltip" id={id} className="tooltip" hidden={!open}>{tip}</span>
    </span>
  );
}
