import { formatBytes } from "@/lib/editing/bytes";
import { HEX_DUMP_LIMIT, hexDump } from "@/lib/editing/hex";

export function HexView({ bytes }: { bytes: Uint8Array }) {
  return (
    <div>
      <pre className="hex-view" data-testid="hex-view">{bytes.length ? hexDump(bytes) : "(empty)"}</pre>
      {bytes.length > HEX_DUMP_LIMIT && <p className="muted">Showing the first {formatBytes(HEX_DUMP_LIMIT)} of {formatBytes(bytes.length)}.</p>}
    </div>
  );
}
