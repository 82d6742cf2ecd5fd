"use client";

import { useId, useState } from "react";
import { checkJson } from "@/lib/editing/json-mode";

export type ImportFile = { name: string; text: string };

// Beyond this size a precise error position costs too much memory; the message stays general.
const LOCATE_LIMIT = 16 * 1024 * 1024;

/** Reads the chosen file and refuses, with its line and column, one that is not JSON (e.g. truncated). */
export function ImportFileField({ onFile }: { onFile: (file: ImportFile | null) => void }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  async function read(file: File | undefined) {
    onFile(null);
    setError(null);
    if (!file) return;
    const text = await file.text();
    try {
      JSON.parse(text);
    } catch {
      const p = text.length <= LOCATE_LIMIT ? checkJson(text) : null;
      setError(`${file.name} is not a valid export file: ${p ? `line ${p.line}, column ${p.column}: ${p.message}` : "it is not JSON"}. Is it truncated?`);
      return;
    }
    onFile({ name: file.name, text });
  }
  return (
    <label className="field" htmlFor={id}>
      <span>Export file (from &quot;Export subtree&quot;)</span>
      <input id={id} type="file" accept="application/json,.json" onChange={(e) => void read(e.target.files?.[0])} />
      {error && <span className="problem" role="alert">{error}</span>}
    </label>
  );
}
