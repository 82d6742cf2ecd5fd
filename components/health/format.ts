// Display helpers for health numbers (null means "not known"), in the operator's locale.
import { formatNumber } from "@/lib/core/client/format";
export const dash = "–";

export function num(v: number | null | undefined, digits = 0): string {
  return v === null || v === undefined ? dash : formatNumber(v, digits);
}

export function bytes(v: number | null | undefined): string {
  if (v === null || v === undefined) return dash;
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let n = v;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${formatNumber(n, i ? 1 : 0)} ${units[i]}`;
}

export function ms(v: number | null | undefined): string {
  return v === null || v === undefined ? dash : `${num(v, 1)} ms`;
}

export function ago(iso: string): string {
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.round(s / 60)}m ago`;
  if (s < 86400) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86400)}d ago`;
}
