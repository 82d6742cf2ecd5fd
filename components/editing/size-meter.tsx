import { formatBytes } from "@/lib/editing/bytes";

export function SizeMeter({ size, max }: { size: number; max: number }) {
  const over = size > max;
  return (
    <span className={over ? "size-meter over" : "size-meter muted"} data-testid="size-meter" role={over ? "alert" : undefined}>
      {formatBytes(size)} of {formatBytes(max)}
      {over && ` – too large: this cluster accepts at most ${max.toLocaleString("en-US")} bytes per znode`}
    </span>
  );
}
