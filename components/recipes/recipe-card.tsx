"use client";

import Link from "next/link";
import { useState } from "react";
import type { RecipesView } from "@/lib/recipes/client/types";
import { useZnodeHref } from "@/components/clusters/cluster-context";
import { ForceReleaseDialog } from "./force-release-dialog";

type Recipe = RecipesView["locks"][number];
type Node = Recipe["holders"][number];

const TITLES: Record<Recipe["kind"], [string, string]> = {
  lock: ["holder", "waiter"],
  "rw-lock": ["holder", "waiter"],
  "leader-latch": ["leader", "candidate"],
  election: ["leader", "candidate"],
};

export function RecipeCard({ clusterId, recipe, canRelease }: { clusterId: string; recipe: Recipe; canRelease: boolean }) {
  const znodeHref = useZnodeHref();
  const [releasing, setReleasing] = useState<Node | null>(null);
  const [holderTitle, waiterTitle] = TITLES[recipe.kind];
  const isLock = recipe.kind === "lock" || recipe.kind === "rw-lock";
  const row = (n: Node, role: string) => (
    <div className="rc-row" key={n.path} data-testid={`recipe-${role}`}>
      <span className={`rc-role ${role === holderTitle ? "holder" : "waiter"}`}>{role}</span>
      <Link href={znodeHref(n.path)}><code>{n.name}</code></Link>
      <span className="muted">seq {n.sequence}</span>
      {n.sessionId && <span>session <Link href={`/clusters/${encodeURIComponent(clusterId)}/sessions#session-${n.sessionId}`}><code>{n.sessionId}</code></Link></span>}
      {isLock && canRelease && role === holderTitle && n.version !== null && (
        <button type="button" className="button danger" onClick={() => setReleasing(n)}>Force release…</button>
      )}
    </div>
  );
  return (
    <article className="rc-item" data-testid="recipe-card">
      <h3>{recipe.path}</h3>
      <p className="muted">{recipe.flavour} · {recipe.participants} participant{recipe.participants === 1 ? "" : "s"}</p>
      {recipe.holders.map((n) => row(n, holderTitle))}
      {recipe.waiters.slice(0, 20).map((n) => row(n, waiterTitle))}
      {recipe.waiters.length > 20 && <p className="muted">and {recipe.waiters.length - 20} more {waiterTitle}s</p>}
      {releasing && (
        <ForceReleaseDialog clusterId={clusterId} path={releasing.path} version={releasing.version!} sessionId={releasing.sessionId} onClose={() => setReleasing(null)} />
      )}
    </article>
  );
}
