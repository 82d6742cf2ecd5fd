// Expands the corpus's generated values ({"$gen": ...}) and placeholders ({main}, {zkPort}, ...),
// so megabyte bodies, 1,000-deep paths and 10,000-host strings stay one line of data.
import { maxValueBytes } from "../../lib/core/zk/request-size";
export type Vars = Record<string, string>;
type Gen = { $gen: string; [k: string]: unknown };

const isGen = (v: unknown): v is Gen => !!v && typeof v === "object" && typeof (v as Gen).$gen === "string";

/** A body stream without a declared length (of `content`, else "{{{…") that counts how much of it the server pulled. */
export function countingStream(size: number, chunk: number, content?: Uint8Array): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const block = new Uint8Array(chunk).fill(0x7b); // "{"
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const n = Math.min(chunk, size - sent);
      controller.enqueue(content ? content.slice(sent, sent + n) : n === chunk ? block.slice() : block.slice(0, n));
      sent += n;
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => sent };
}

/** A valid export file of `nodes` znodes of `dataBytes` each (node `badAt`, if given, with an unknown encoding). */
function exportFileBytes(nodes: number, dataBytes: number, badAt: number): Uint8Array {
  const list = Array.from({ length: nodes }, (_, i) => ({ path: i === 0 ? "" : `n${i}`, data: "x".repeat(dataBytes), encoding: i === badAt ? "latin1" : "utf8" }));
  return Buffer.from(JSON.stringify({ format: "zk-console-export", formatVersion: 1, root: "/", exportedAt: "2026-01-01T00:00:00Z", nodes: list, count: nodes }));
}

function generate(g: Gen): unknown {
  const n = (k: string) => Number(g[k]);
  switch (g.$gen) {
    case "repeat":
      return `${g.prefix ?? ""}${String(g.text).repeat(n("times"))}`;
    case "deepPath":
      return `${g.prefix ?? ""}${`/${g.segment}`.repeat(n("depth"))}`;
    case "hosts":
      return Array.from({ length: n("count") }, (_, i) => `zk${i}.example.com:2181`).join(",");
    case "nested":
      return "[".repeat(n("depth")) + "]".repeat(n("depth"));
    case "nestedValue": {
      let v: unknown = 1;
      for (let i = 0; i < n("depth"); i++) v = [v];
      return v;
    }
    case "bytes":
      return new Uint8Array(n("size")).fill(0x7b);
    case "valueAtLimit": // the largest value a cluster with this limit takes at this path, plus delta
      return "x".repeat(maxValueBytes({ maxDataBytes: n("maxDataBytes") }, String(g.path)) + n("delta"));
    case "base64OfBytes":
      return Buffer.alloc(n("size"), 0xab).toString("base64");
    case "ipAcl":
      return Array.from({ length: n("count") }, (_, i) => ({ scheme: "ip", id: `10.0.${Math.floor(i / 250)}.${i % 250}`, perms: "r" }));
    case "stream":
      return countingStream(n("size"), n("chunk"));
    case "exportFileStream": {
      const bytes = exportFileBytes(n("nodes"), n("dataBytes"), g.badAt === undefined ? -1 : n("badAt"));
      return countingStream(bytes.length, n("chunk"), bytes);
    }
    default:
      throw new Error(`unknown generator ${g.$gen}`);
  }
}

/** The value with every generator run and every {placeholder} replaced. */
export function expand(value: unknown, vars: Vars): unknown {
  if (typeof value === "string") return value.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
  if (Array.isArray(value)) return value.map((v) => expand(v, vars));
  if (isGen(value)) return generate(value);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v, vars)]));
  return value;
}
