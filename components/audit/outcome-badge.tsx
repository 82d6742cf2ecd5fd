export function OutcomeBadge({ outcome }: { outcome: string }) {
  const kind = outcome === "ok" || outcome === "failed" ? outcome : "pending";
  return <span className={`outcome outcome-${kind}`} data-testid="outcome">{outcome}</span>;
}
