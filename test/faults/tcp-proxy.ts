// A loopback TCP relay in front of a ZooKeeper member, to lose what a real network loses: the
// answer to a request that ZooKeeper applied, the request itself, or every connection for a while.
// The console and ZooKeeper are untouched; only the bytes between them are.
import net from "node:net";

/** pass: relay both ways; drop-answers: the server's bytes vanish; blackhole: both ways vanish; refuse: new connections are reset. */
export type ProxyMode = "pass" | "drop-answers" | "blackhole" | "refuse";

/** ZooKeeper request types (org.apache.zookeeper.ZooDefs.OpCode). */
export const OP = { create: 1, delete: 2, setData: 5 } as const;

export type TcpProxy = {
  port: number;
  address: string;
  mode: ProxyMode;
  /**
   * When the next request of type `op` passes: "answer" relays it and then drops every answer
   * (mode drop-answers); "request" drops it and everything after (mode blackhole).
   */
  loseNext(op: number, what: "answer" | "request"): Promise<void>;
  /** Reset every open connection (as a dropped link does). */
  cut(): void;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let trap: { op: number; what: "answer" | "request"; sprung: () => void } | null = null;
  const proxy = { mode: "pass" as ProxyMode } as TcpProxy;

  /** Client bytes → whole frames (4-byte length prefix); the first frame is the ConnectRequest, without a header. */
  const framer = () => {
    let buf = Buffer.alloc(0);
    let first = true;
    return (chunk: Buffer, forward: (b: Buffer) => void) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
        const frame = buf.subarray(0, 4 + buf.readInt32BE(0));
        buf = buf.subarray(frame.length);
        const type = !first && frame.length >= 12 ? frame.readInt32BE(8) : null;
        first = false;
        if (proxy.mode !== "pass" && proxy.mode !== "drop-answers") continue;
        if (trap && type === trap.op) {
          const t = trap;
          trap = null;
          if (t.what === "answer") {
            proxy.mode = "drop-answers";
            forward(frame);
          } else proxy.mode = "blackhole";
          t.sprung();
          continue;
        }
        forward(frame);
      }
    };
  };

  const server = net.createServer((client) => {
    if (proxy.mode === "refuse") return client.resetAndDestroy();
    const upstream = net.connect(target);
    open.add(client);
    open.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    const relay = framer();
    client.on("data", (b: Buffer) => relay(b, (frame) => upstream.write(frame)));
    upstream.on("data", (b: Buffer) => {
      if (proxy.mode === "pass") client.write(b);
    });
    for (const s of [client, upstream]) {
      s.on("error", end);
      s.on("close", end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.port = (server.address() as net.AddressInfo).port;
  proxy.address = `127.0.0.1:${proxy.port}`;
  proxy.loseNext = (op, what) => new Promise((sprung) => (trap = { op, what, sprung }));
  proxy.cut = () => {
    for (const s of [...open]) s.resetAndDestroy();
    open.clear();
  };
  proxy.close = () => {
    proxy.cut();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return proxy;
}
