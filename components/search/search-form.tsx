"use client";

import { useState, type FormEvent } from "react";
import type { SearchParams } from "@/lib/search/client/urls";

/** What to search for, where (a path scope) and in what (names, values or both; plain text or RE2). */
export function SearchForm({ initial, onSubmit }: { initial: SearchParams; onSubmit: (p: SearchParams) => void }) {
  const [draft, setDraft] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.q.trim()) onSubmit({ ...draft, path: draft.path.trim() || "/" });
  };
  return (
    <form className="card form" onSubmit={submit} aria-label="Search contents" role="search">
      <div className="fields">
        <label className="field"><span>Search for</span><input value={draft.q} autoFocus={!initial.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} /></label>
        <label className="field"><span>Under path</span><input value={draft.path} onChange={(e) => setDraft({ ...draft, path: e.target.value })} /></label>
        <label className="field">
          <span>In</span>
          <select value={draft.in} onChange={(e) => setDraft({ ...draft, in: e.target.value as SearchParams["in"] })}>
            <option value="all">names and values</option>
            <option value="name">names</option>
            <option value="data">values</option>
          </select>
        </label>
        <label className="field checkbox"><input type="checkbox" checked={draft.regex} onChange={(e) => setDraft({ ...draft, regex: e.target.checked })} /><span>Regular expression (RE2)</span></label>
        <div className="actions"><button type="submit" className="button primary">Search</button></div>
      </div>
    </form>
  );
}
