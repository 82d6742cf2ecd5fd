// A zxid is 64 bits: the leader epoch (high 32) and a counter within the epoch (low 32).
export type Zxid = { hex: string; epoch: number; counter: number };

export function parseZxid(value: string | number | bigint | null | undefined): Zxid | null {
  if (value === null || value === undefined || value === "") return null;
  let n: bigint;
  try {
    n = typeof value === "string" ? BigInt(value.trim()) : BigInt(value);
  } catch {
    return null;
  }
  if (n < BigInt(0)) return null;
  return { hex: "0x" + n.toString(16), epoch: Number(n >> BigInt(32)), counter: Number(n & BigInt(0xffffffff)) };
}

/** How far `behind` is from `ahead`: transactions when both are in one epoch, else whole epochs. */
export function zxidLag(ahead: Zxid, behind: Zxid): { transactions: number | null; epochs: number } {
  const epochs = ahead.epoch - behind.epoch;
  return { transactions: epochs === 0 ? ahead.counter - behind.counter : null, epochs };
}
