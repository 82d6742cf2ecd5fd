"use client";

import { useEffect, useState } from "react";
import { CommandPalette } from "./command-palette";
import { HelpDialog } from "./help-dialog";
import { KEYS, requestShortcut, useShortcutAction } from "./shortcut-events";


const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName) || t.closest("dialog") !== null);

/** Listens for the shortcuts page-wide and shows the help overlay and the command palette. */
export function Shortcuts() {
  const [open, setOpen] = useState<"help" | "palette" | "path" | null>(null);
  useShortcutAction("help", () => setOpen("help"));
  useShortcutAction("palette", () => setOpen("palette"));
  useShortcutAction("go-to-path", () => setOpen("path"));

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        return requestShortcut("palette");
      }
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const hit = KEYS.find((k) => k.key === e.key);
      if (!hit) return;
      e.preventDefault();
      requestShortcut(hit.action);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  if (open === "help") return <HelpDialog onClose={() => setOpen(null)} />;
  if (open) return <CommandPalette initial={open === "path" ? "/" : ""} onClose={() => setOpen(null)} />;
  return null;
}
