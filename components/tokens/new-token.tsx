"use client";

import { useState } from "react";
import type { CreatedToken } from "@/lib/tokens/client/types";

/** The secret of a token just made: shown this once (the console keeps only its SHA-256). */
export function NewToken({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = () => navigator.clipboard.writeText(created.token).then(() => setCopied(true), () => setCopied(false));
  return (
    <section className="card" aria-label="New token" data-testid="new-token">
      <h2>Token {created.apiToken.name} made</h2>
      <p>Copy it now: it is shown only once.</p>
      <p><code className="mono" data-testid="new-token-secret">{created.token}</code></p>
      <p className="muted">
        {created.effective.length === 0
          ? "Right now it may do nothing: its user has no grant within its scope."
          : `Right now it may act as ${created.effective.map((g) => `${g.role}${g.clusterId ? " on one cluster" : ""}${g.pathPrefix ? ` under ${g.pathPrefix}` : ""}`).join(", ")}.`}
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={copy}>{copied ? "Copied" : "Copy"}</button>
        <button type="button" className="button" onClick={onDone}>Done</button>
      </div>
    </section>
  );
}
