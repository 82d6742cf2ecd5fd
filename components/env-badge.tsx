const KNOWN = new Set(["prod", "staging", "dev"]);

export function EnvBadge({ environment }: { environment: string }) {
  const tone = KNOWN.has(environment) ? environment : "other";
  return <span className={`badge env-${tone}`}>{environment}</span>;
}
