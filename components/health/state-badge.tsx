export function StateBadge({ state, label }: { state: string; label?: string }) {
  return <span className={`hl-state ${state}`}>{label ?? state}</span>;
}
