"use client";

import { useState } from "react";
import type { GeneratedDeployment } from "@/lib/ensemble/client/types";

function download(path: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: "text/plain" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = path.replace(/\//g, "_");
  a.click();
  URL.revokeObjectURL(url);
}

export function GeneratedFiles({ result }: { result: GeneratedDeployment }) {
  const [selected, setSelected] = useState(result.files[0]?.path ?? "");
  const file = result.files.find((f) => f.path === selected) ?? result.files[0];
  return (
    <section className="card en-section" aria-label="Generated files" data-testid="generated-files">
      <h2>Configuration</h2>
      <p>Connection string: <code>{result.connectionString}</code></p>
      {result.warnings.length > 0 && <ul className="en-warnings" data-testid="deploy-warnings">{result.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
      <div className="en-files">
        <ul className="en-file-list">
          {result.files.map((f) => (
            <li key={f.path}><button type="button" className="button" aria-pressed={f.path === file?.path} onClick={() => setSelected(f.path)}>{f.path}</button></li>
          ))}
        </ul>
        {file && (
          <div>
            <div className="actions">
              <strong>{file.path}</strong>
              <button type="button" className="button" onClick={() => download(file.path, file.content)}>Download</button>
              <button type="button" className="button" onClick={() => navigator.clipboard?.writeText(file.content)}>Copy</button>
            </div>
            <pre className="en-pre" data-testid="file-content">{file.content}</pre>
          </div>
        )}
      </div>
    </section>
  );
}
