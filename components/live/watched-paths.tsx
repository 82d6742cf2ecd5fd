"use client";

import { useState, type FormEvent } from "react";
import { MAX_LIVE_PATHS } from "@/lib/watch/client/use-open-znode-paths";

type Props = { paths: string[]; onChange: (paths: string[]) => void };

/** The znodes the feed watches: add one by path, remove any. */
export function WatchedPaths({ paths, onChange }: Props) {
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  function add(e: FormEvent) {
    e.preventDefault();
    const path = draft.trim();
    if (!path.startsWith("/") || (path.length > 1 && path.endsWith("/"))) return setProblem("a znode path starts with / and does not end with /");
    if (paths.length >= MAX_LIVE_PATHS) return setProblem(`a feed watches at most ${MAX_LIVE_PATHS} znodes`);
    setProblem(null);
    setDraft("");
    if (!paths.includes(path)) onChange([...paths, path]);
  }

  return (
    <div className="live-bar">
      <ul className="live-paths" aria-label="Watched znodes">
        {paths.map((p) => (
          <li key={p} className="live-path">
            {p}
            <button type="button" className="link-button" aria-label={`Stop watching ${p}`} onClick={() => onChange(paths.filter((x) => x !== p))} disabled={paths.length === 1}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="field inline" onSubmit={add}>
        <label htmlFor="watch-path">Watch znode</label>
        <input id="watch-path" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="/app/config" autoComplete="off" />
        <button type="submit" className="button">Add</button>
      </form>
      {problem && <span className="error-text" role="alert">{problem}</span>}
    </div>
  );
}
