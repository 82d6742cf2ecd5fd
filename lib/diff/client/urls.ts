// URLs of the diff: one side is "{clusterId}:{path}"; the API streams NDJSON rows, the page shows them.
export type DiffSides = { left: string; right: string };

export const sideOf = (clusterId: string, path: string) => `${clusterId}:${path}`;

/** "{clusterId}:{path}" split at its first ":/" (cluster ids and slugs hold no such pair). */
export function parseSide(side: string): { clusterId: string; path: string } {
  const at = side.indexOf(":/");
  return at > 0 ? { clusterId: side.slice(0, at), path: side.slice(at + 1) } : { clusterId: side, path: "/" };
}

export const diffUrls = {
  api: (s: DiffSides) => `/api/v1/diff?${new URLSearchParams({ left: s.left, right: s.right })}`,
  page: (s: DiffSides) => `/diff?${new URLSearchParams({ left: s.left, right: s.right })}`,
  promote: (s: DiffSides) => `/api/v1/promote?${new URLSearchParams({ left: s.left, right: s.right })}`,
};
