"use client";

import { useMemo, type ReactNode } from "react";
import type { Znode } from "@/lib/znodes/client/types";
import { CopyButton } from "./copy-button";
import { base64ToBytes, HEX_DUMP_LIMIT, hexDump } from "./hex-dump";

/** The text with every occurrence of `mark` (case-insensitive) in a <mark>; all of it React text. */
function Marked({ text, mark }: { text: string; mark: string }) {
  if (!mark) return text;
  const lower = text.toLowerCase();
  const needle = mark.toLowerCase();
  const parts: ReactNode[] = [];
  let at = 0;
  for (let i = lower.indexOf(needle); i >= 0 && parts.length < 2000; i = lower.indexOf(needle, i + needle.length)) {
    parts.push(text.slice(at, i), <mark key={i}>{text.slice(i, i + needle.length)}</mark>);
    at = i + needle.length;
  }
  parts.push(text.slice(at));
  return parts;
}

// Data is untrusted: it is only ever rendered as text, never as HTML. `mark`: a search's match.
export function ZnodeData({ data, mark = "" }: { data: Znode["data"]; mark?: string }) {
  const view = useMemo(() => describe(data), [data]);
  return (
    <section className="znode-data-section" aria-labelledby="data-heading">
      <div className="section-header">
        <h2 id="data-heading">Data</h2>
        <span className="muted">{view.kind}</span>
        {data.isBinary && <CopyButton text={data.base64} label="Copy base64" />}
      </div>
      <pre className="znode-data" data-testid="znode-data"><Marked text={view.text} mark={mark} /></pre>
      {view.note && <p className="muted">{view.note}</p>}
    </section>
  );
}

function describe(data: Znode["data"]): { kind: string; text: string; note?: string } {
  if (data.json !== null && data.json !== undefined) return { kind: "JSON", text: JSON.stringify(data.json, null, 2) };
  if (data.isBinary) {
    const bytes = base64ToBytes(data.base64);
    const note = bytes.length > HEX_DUMP_LIMIT ? `Showing the first ${HEX_DUMP_LIMIT} of ${bytes.length} bytes.` : undefined;
    return { kind: "binary", text: hexDump(bytes), note };
  }
  const text = data.text ?? "";
  return { kind: "text", text, note: text.length === 0 ? "(no data)" : undefined };
}
