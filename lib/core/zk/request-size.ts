import { errors } from "../errors";

// ZooKeeper's jute.maxbuffer bounds the whole request a server reads, not just the value: a create
// also carries its header, path, default ACL, flags and TTL (59 bytes plus the path), and a server
// drops the connection on a longer request. Servers accept at least ZooKeeper's default, 0xfffff
// (one byte under the console's default limit of 1 MiB), or the cluster's limit when an admin raised
// it (which they should only do after raising jute.maxbuffer). A multi is one request: all its
// operations together must fit.
export const REQUEST_OVERHEAD_BYTES = 64;
const ZK_DEFAULT_MAX_REQUEST = 0xfffff;

/** The largest request the cluster's servers read (jute.maxbuffer as the console knows it). */
export function maxRequestBytes(cluster: { maxDataBytes: number }): number {
  return Math.max(cluster.maxDataBytes - 1, ZK_DEFAULT_MAX_REQUEST);
}

/** The largest value the cluster takes at `path`: its limit, and room for the rest of the request. */
export function maxValueBytes(cluster: { maxDataBytes: number }, path = "/"): number {
  return Math.max(0, Math.min(cluster.maxDataBytes, maxRequestBytes(cluster) - REQUEST_OVERHEAD_BYTES - Buffer.byteLength(path)));
}

/** What one operation adds to a request: its path, data and ACL plus the per-op header. */
export function opRequestBytes(op: { path: string; data?: Buffer | null; acl?: { scheme: string; auth: string }[] }): number {
  const acl = (op.acl ?? []).reduce((n, e) => n + 12 + Buffer.byteLength(e.scheme) + Buffer.byteLength(e.auth), 0);
  return REQUEST_OVERHEAD_BYTES + Buffer.byteLength(op.path) + (op.data?.length ?? 0) + acl;
}

export function enforceSizeLimit(data: Buffer, cluster: { name: string; maxDataBytes: number }, path = "/") {
  const max = maxValueBytes(cluster, path);
  if (data.length <= max) return;
  const why = max === cluster.maxDataBytes
    ? `cluster "${cluster.name}" accepts at most ${max} bytes per znode (jute.maxbuffer); raise the cluster's limit only if the servers' jute.maxbuffer allows it`
    : `cluster "${cluster.name}" accepts at most ${max} bytes here: ZooKeeper (jute.maxbuffer) limits the whole write request, path and header included, to under ${cluster.maxDataBytes} bytes`;
  throw errors.valueTooLarge(data.length, why);
}
