import { ApiError } from "@/lib/core/client/api-fetch";
import { useZnode } from "@/lib/znodes/client/use-znode";

export type ChangedSince = { changed: boolean; deleted: boolean; version: number | null; mtime: string | null };

/**
 * Whether the znode moved on from `baseVersion` (the version an editor opened), read from the
 * node query that live events keep current: someone else saved (or deleted it) meanwhile.
 */
export function useChangedSince(clusterId: string, path: string, baseVersion: number): ChangedSince {
  const znode = useZnode(clusterId, path);
  if (znode.error instanceof ApiError && znode.error.status === 404) return { changed: true, deleted: true, version: null, mtime: null };
  const stat = znode.data?.stat;
  if (!stat) return { changed: false, deleted: false, version: null, mtime: null };
  return { changed: stat.version !== baseVersion, deleted: false, version: stat.version, mtime: stat.mtime };
}
