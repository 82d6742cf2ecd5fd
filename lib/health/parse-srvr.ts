// `srvr` (and the first part of `stat`): version, latency, counters, zxid, mode, node count.
import { parseZxid, type Zxid } from "./zxid";

export type Mode = "leader" | "follower" | "observer" | "standalone" | "read-only";
export type SrvrInfo = {
  version: string | null;
  latency: { min: number; avg: number; max: number } | null;
  received: number | null;
  sent: number | null;
  connections: number | null;
  outstanding: number | null;
  zxid: Zxid | null;
  mode: Mode | null;
  nodeCount: number | null;
  readOnly: boolean;
};

const MODES = new Set<string>(["leader", "follower", "observer", "standalone", "read-only"]);

export function parseSrvr(text: string): SrvrInfo {
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(text)?.[1]?.trim() ?? null;
  const num = (name: string) => {
    const v = field(name);
    return v === null || !Number.isFinite(Number(v)) ? null : Number(v);
  };
  const lat = /^Latency min\/avg\/max: ([\d.]+)\/([\d.]+)\/([\d.]+)$/m.exec(text);
  const mode = field("Mode");
  return {
    version: field("Zookeeper version"),
    latency: lat ? { min: Number(lat[1]), avg: Number(lat[2]), max: Number(lat[3]) } : null,
    received: num("Received"),
    sent: num("Sent"),
    connections: num("Connections"),
    outstanding: num("Outstanding"),
    zxid: parseZxid(field("Zxid")),
    mode: mode && MODES.has(mode) ? (mode as Mode) : null,
    nodeCount: num("Node count"),
    readOnly: mode === "read-only" || /^READ-ONLY mode/m.test(text),
  };
}
