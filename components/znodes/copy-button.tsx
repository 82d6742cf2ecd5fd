"use client";

import { useState } from "react";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      // Clipboard needs a secure context and permission; say so rather than fail silently.
      setStatus("failed");
    }
  }
  return (
    <span className="copy">
      <button type="button" className="button" onClick={copy}>
        {label}
      </button>
      {status === "copied" && <span className="ok-text" role="status"> Copied</span>}
      {status === "failed" && <span className="error-text" role="status"> Copy failed</span>}
    </span>
  );
}
