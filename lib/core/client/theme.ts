// The colour theme the operator chose in the header (none: follow the system's setting).
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "zkc-theme";

export const themeOf = (cookie: string | undefined): Theme => (THEMES.includes(cookie as Theme) ? (cookie as Theme) : "system");
