"use client";

import { useEffect, useRef } from "react";

/** Actions a keyboard shortcut asks of whatever screen is showing (the screen decides if it can). */
export type ShortcutAction = "edit" | "new-child" | "search" | "go-to-path" | "palette" | "help";

/** The single-key shortcuts; typed into a field they are text, not commands. */
export const KEYS: { key: string; action: ShortcutAction; what: string }[] = [
  { key: "/", action: "search", what: "Search znodes: a path, a child's name, or names and values" },
  { key: "g", action: "go-to-path", what: "Go to a path" },
  { key: "e", action: "edit", what: "Edit the current znode's data" },
  { key: "n", action: "new-child", what: "Create a child of the current znode" },
  { key: "?", action: "help", what: "Show these shortcuts" },
];

const EVENT = "zkc:shortcut";

export function requestShortcut(action: ShortcutAction) {
  window.dispatchEvent(new CustomEvent<ShortcutAction>(EVENT, { detail: action }));
}

/** Run `handler` when the shortcut for `action` is pressed (kept in a ref: no re-subscribe per render). */
export function useShortcutAction(action: ShortcutAction, handler: () => void, enabled = true) {
  const ref = useRef(handler);
  useEffect(() => { ref.current = handler; }, [handler]);
  useEffect(() => {
    if (!enabled) return;
    const listener = (e: Event) => { if ((e as CustomEvent<ShortcutAction>).detail === action) ref.current(); };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [action, enabled]);
}
