export function OutcomeBadge({ outcome }: { outcome: string }) {
  // "unknown": the connection was lost before ZooKeeper answered; "pending": no outcome recorded.
  const kind = outcome === "ok" || outcome === "failed" || outcome === "unknown" ? outcome : "pending";
  return <span className={`outcome outcome-${kind}`} data-testid="outcome">{outcome}</span>;
}
