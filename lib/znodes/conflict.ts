// A version conflict on a data write, with what is there now, so the operator can compare and merge.
import "server-only";
import { ConsoleError, errors } from "@/lib/core/errors";
import type { RawStat, ZkClient } from "@/lib/core/zk/client";
import { formatStat } from "./format";

/**
 * `details` of a data BAD_VERSION: what is there now, to compare and merge (the browser reads it as
 * VersionConflict); only the expected version when the current node could not be read.
 */
export function versionConflictDetails(expected: number, current?: { data: Buffer; stat: RawStat }) {
  if (!current) return { expectedVersion: expected };
  return { expectedVersion: expected, currentVersion: current.stat.version, current: { base64: current.data.toString("base64"), stat: formatStat(current.stat) } };
}

/** A version conflict with what is there now, so the operator can compare and merge. */
export async function conflict(client: ZkClient, path: string, expected: number): Promise<ConsoleError> {
  // ZooKeeper refused the stale version: that is the answer, even when the look at the current node fails.
  const now = await client.exists(path).catch(() => undefined);
  if (now === undefined) return errors.staleVersion(path, expected, versionConflictDetails(expected));
  if (!now) return errors.deletedMeanwhile(path);
  const current = await client.get(path).catch(() => null);
  if (!current) return errors.staleVersion(path, expected, versionConflictDetails(expected));
  return errors.staleVersion(path, expected, versionConflictDetails(expected, current), current.stat.version);
}
