import { ConsoleError } from "../errors";

export function enforceSizeLimit(data: Buffer, cluster: { name: string; maxDataBytes: number }) {
  if (data.length > cluster.maxDataBytes) {
    throw new ConsoleError("PAYLOAD_TOO_LARGE", 413, `the value is ${data.length} bytes; cluster "${cluster.name}" accepts at most ${cluster.maxDataBytes} bytes per znode (jute.maxbuffer); raise the cluster's limit only if the servers' jute.maxbuffer allows it`);
  }
}
