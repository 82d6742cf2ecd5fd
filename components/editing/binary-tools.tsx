"use client";

import { useId, useState } from "react";
import { formatBytes } from "@/lib/editing/bytes";
import { toHex } from "@/lib/editing/hex";

type Props = { bytes: Uint8Array | null; fileName: string; maxBytes: number; onUpload: (hex: string) => void };

/** Upload a file as the new value (size-checked before reading it), download the value as a file. */
export function BinaryTools({ bytes, fileName, maxBytes, onUpload }: Props) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  async function upload(file: File | undefined) {
    if (!file) return;
    if (file.size > maxBytes) return setError(`${file.name} is ${formatBytes(file.size)}; this cluster accepts at most ${formatBytes(maxBytes)} per znode`);
    setError(null);
    onUpload(toHex(new Uint8Array(await file.arrayBuffer())));
  }
  function download() {
    if (!bytes) return;
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/octet-stream" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: fileName || "znode-value.bin" });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <div className="editor-bar">
      <label className="field inline" htmlFor={id}>
        <span>Upload a file</span>
        <input id={id} type="file" onChange={(e) => void upload(e.target.files?.[0])} />
      </label>
      <button type="button" className="button" onClick={download} disabled={!bytes}>
        Download value
      </button>
      {error && <span className="problem" role="alert">{error}</span>}
    </div>
  );
}
