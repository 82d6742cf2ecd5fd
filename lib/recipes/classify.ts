// Recognise coordination recipes from znode names: locks (Curator `_c_<uuid>-lock-<seq>`,
// plain `lock-<seq>`, Curator read/write locks), leader latches and elections (Curator
// `_c_<uuid>-latch-<seq>`, `n_<seq>`). Pure: names in, recipe out.
export type RecipeKind = "lock" | "rw-lock" | "leader-latch" | "election";
export type Participant = { name: string; sequence: number; curatorId: string | null };
export type RecipeGroup = {
  kind: RecipeKind;
  path: string;
  /** The holder(s): the lowest sequence; for a read/write lock every read before the first write. */
  holders: Participant[];
  waiters: Participant[];
  /** How the names were recognised, for the UI ("Curator InterProcessMutex", ...). */
  flavour: string;
};

const SEQ = "(\\d{10})";
const PATTERNS: { kind: RecipeKind; flavour: string; re: RegExp }[] = [
  { kind: "lock", flavour: "Curator InterProcessMutex", re: new RegExp(`^_c_([0-9a-f-]{36})-lock-${SEQ}$`, "i") },
  { kind: "rw-lock", flavour: "Curator InterProcessReadWriteLock", re: new RegExp(`^_c_([0-9a-f-]{36})-(__READ__|__WRIT__)${SEQ}$`, "i") },
  { kind: "leader-latch", flavour: "Curator LeaderLatch", re: new RegExp(`^_c_([0-9a-f-]{36})-latch-${SEQ}$`, "i") },
  { kind: "lock", flavour: "sequential lock", re: new RegExp(`^()lock-${SEQ}$`) },
  { kind: "election", flavour: "leader election (n_)", re: new RegExp(`^()n_${SEQ}$`) },
];

const bySequence = (a: Participant, b: Participant) => a.sequence - b.sequence || a.name.localeCompare(b.name);

/** The recipe the children of `path` form, or null. Names that fit no recipe are ignored when most do. */
export function classifyChildren(path: string, names: string[]): RecipeGroup | null {
  for (const p of PATTERNS) {
    const matches = names.map((n) => ({ n, m: p.re.exec(n) })).filter((x) => x.m);
    if (!matches.length || matches.length * 2 < names.length) continue;
    if (p.kind === "rw-lock") return rwLock(path, matches.map(({ n, m }) => ({ name: n, sequence: Number(m![3]), curatorId: m![1], write: m![2].toUpperCase() === "__WRIT__" })));
    const all = matches.map(({ n, m }) => ({ name: n, sequence: Number(m![2]), curatorId: m![1] || null })).sort(bySequence);
    return { kind: p.kind, path, holders: all.slice(0, 1), waiters: all.slice(1), flavour: p.flavour };
  }
  return null;
}

function rwLock(path: string, nodes: (Participant & { write: boolean })[]): RecipeGroup {
  const sorted = [...nodes].sort(bySequence);
  const firstWrite = sorted.findIndex((n) => n.write);
  // A writer holds only when it is first; readers hold up to the first writer.
  const holders = firstWrite === 0 ? sorted.slice(0, 1) : sorted.slice(0, firstWrite < 0 ? sorted.length : firstWrite);
  const strip = ({ write: _w, ...p }: Participant & { write: boolean }) => p;
  return { kind: "rw-lock", path, holders: holders.map(strip), waiters: sorted.slice(holders.length).map(strip), flavour: "Curator InterProcessReadWriteLock" };
}

/** Whether a znode name is a lock/latch participant (force release only deletes those). */
export function isRecipeNode(name: string): boolean {
  return PATTERNS.some((p) => p.re.test(name));
}

export type ServiceInstance = {
  path: string;
  id: string;
  ephemeral: boolean;
  sessionId: string | null;
  /** Curator service discovery fields when the data is its JSON. */
  curator: { name: string | null; address: string | null; port: number | null; sslPort: number | null; registrationTimeUTC: number | null; serviceType: string | null; payload: unknown } | null;
};

/** Curator's ServiceInstance JSON: {name, id, address, port, payload, registrationTimeUTC, serviceType}. */
export function parseCuratorInstance(data: string): ServiceInstance["curator"] {
  let j: unknown;
  try {
    j = JSON.parse(data);
  } catch {
    return null;
  }
  if (!j || typeof j !== "object" || Array.isArray(j)) return null;
  const o = j as Record<string, unknown>;
  if (typeof o.name !== "string" || typeof o.id !== "string" || !("registrationTimeUTC" in o || "serviceType" in o || "address" in o)) return null;
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  return { name: o.name, address: str(o.address), port: num(o.port), sslPort: num(o.sslPort), registrationTimeUTC: num(o.registrationTimeUTC), serviceType: str(o.serviceType), payload: o.payload ?? null };
}
