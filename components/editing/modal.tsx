"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import "./editing.css";

type Props = { title: string; onClose: () => void; children: ReactNode; busy?: boolean; wide?: boolean };

/** A native modal dialog (focus trap, Esc). While `busy` it cannot be dismissed, so progress stays visible. */
export function Modal({ title, onClose, children, busy = false, wide = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first control (the close button); React's autoFocus ran while the
    // dialog was still hidden, so the content marks the field it wants focused.
    dialog?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? "modal wide" : "modal"}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <div className="modal-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="close-button" aria-label="Close dialog" disabled={busy} onClick={onClose}>
          ×
        </button>
      </div>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
