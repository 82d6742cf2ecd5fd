"use client";

import { useState, type FormEvent } from "react";
import { ErrorBox } from "@/components/error-box";
import type { RecipeScanParams } from "@/lib/recipes/client/keys";
import { useRecipes } from "@/lib/recipes/client/use-recipes";
import { RecipeCard } from "@/components/recipes/recipe-card";
import { ServicesList } from "@/components/recipes/services-list";
import "@/components/recipes/recipes.css";

const DEFAULTS: RecipeScanParams = { roots: "/", maxDepth: 10, maxNodes: 5000 };

export function RecipesScreen({ clusterId }: { clusterId: string }) {
  const [params, setParams] = useState(DEFAULTS);
  const [draft, setDraft] = useState(DEFAULTS);
  const scan = useRecipes(clusterId, params);
  const submit = (e: FormEvent) => { e.preventDefault(); setParams(draft); };
  const d = scan.data;
  return (
    <div className="page">
      <form className="card form" onSubmit={submit} aria-label="Scan">
        <div className="fields">
          <label className="field"><span>Roots (comma-separated)</span><input value={draft.roots} onChange={(e) => setDraft({ ...draft, roots: e.target.value })} /></label>
          <label className="field"><span>Max depth</span><input type="number" min={1} max={32} value={draft.maxDepth} onChange={(e) => setDraft({ ...draft, maxDepth: Number(e.target.value) })} /></label>
          <label className="field"><span>Max znodes</span><input type="number" min={1} max={50000} value={draft.maxNodes} onChange={(e) => setDraft({ ...draft, maxNodes: Number(e.target.value) })} /></label>
          <div className="actions"><button type="submit" className="button">Scan</button><button type="button" className="button" onClick={() => scan.refetch()}>Refresh</button></div>
        </div>
      </form>
      {scan.isPending ? <p className="muted">Scanning…</p> : scan.isError ? <ErrorBox error={scan.error} /> : d && (
        <>
          <p className="muted">Looked at {d.scanned.toLocaleString("en-US")} znodes under {d.roots.join(", ")}.</p>
          {d.truncated && (
            <div className="rc-note" data-testid="scan-truncated">
              <strong>Scan truncated</strong>: not everything was looked at.
              <ul>{d.notes.map((n) => <li key={n}>{n}</li>)}</ul>
            </div>
          )}
          <section className="card" aria-label="Locks">
            <h2>Locks ({d.locks.length})</h2>
            {d.locks.length ? <div className="rc-list">{d.locks.map((r) => <RecipeCard key={r.path} clusterId={clusterId} recipe={r} canRelease={d.canRelease} />)}</div> : <p className="muted">No lock nodes found.</p>}
          </section>
          <section className="card" aria-label="Leader elections">
            <h2>Leader latches and elections ({d.elections.length})</h2>
            {d.elections.length ? <div className="rc-list">{d.elections.map((r) => <RecipeCard key={r.path} clusterId={clusterId} recipe={r} canRelease={false} />)}</div> : <p className="muted">No leader latches or elections found.</p>}
          </section>
          <section className="card" aria-label="Service registrations">
            <h2>Service registrations ({d.services.length})</h2>
            <ServicesList clusterId={clusterId} services={d.services} />
          </section>
        </>
      )}
    </div>
  );
}
