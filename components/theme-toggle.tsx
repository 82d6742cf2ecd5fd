"use client";

import { useState } from "react";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/core/client/theme";

const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<Theme, string> = { system: "Theme: system", light: "Theme: light", dark: "Theme: dark" };

/** System → light → dark. Kept in a cookie, so the server renders the chosen theme (no flash). */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function choose(next: Theme) {
    setTheme(next);
    if (next === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = next;
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  }
  return (
    <button type="button" className="button header-button" onClick={() => choose(NEXT[theme])} aria-label={`${LABEL[theme]} (change)`} title={`${LABEL[theme]}; click for ${NEXT[theme]}`}>
      {theme === "dark" ? "☾" : theme === "light" ? "☀" : "◐"} <span className="sr-only">{LABEL[theme]}</span>
    </button>
  );
}

