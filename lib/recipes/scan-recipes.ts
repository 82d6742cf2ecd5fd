// A bounded, read-only scan of configured roots for coordination recipes: locks with holder
// and waiters, leader latches/elections, service registrations. Bounded by depth, node count
// and fan-out; whatever was not looked at is named in `notes` and flagged `truncated`. A znode the
// console's session may not read (NO_AUTH) is skipped with its subtree and listed in `skipped`;
// the scan goes on.
import "server-only";
import { can } from "@/lib/access/permissions";
import type { RequestCtx } from "@/lib/core/context";
import { pipelinedBfs } from "../znodes/bfs";
import type { RawStat, ZkClient } from "@/lib/core/zk/client";
import { isZkCode } from "@/lib/core/zk/errors";
import { joinPath, parentOf } from "@/lib/core/zk/paths";
import { classifyChildren, parseCuratorInstance, type Participant, type RecipeGroup, type ServiceInstance } from "./classify";
import { scanQuery } from "./schema";

const MAX_FANOUT = 1000; // children of one node looked into
const MAX_INSTANCE_READS = 500;
const MAX_OWNER_LOOKUPS = 400;
const MAX_SKIPPED_LISTED = 100;

export type RecipeNode = Participant & { path: string; sessionId: string | null; version: number | null };
export type FoundRecipe = Omit<RecipeGroup, "holders" | "waiters"> & { holders: RecipeNode[]; waiters: RecipeNode[]; participants: number };
export type ServiceGroup = { path: string; name: string; instances: ServiceInstance[] };

const ownerOf = (s: RawStat) => (/^0*$/.test(String(s.ephemeralOwner ?? "0")) ? null : "0x" + String(s.ephemeralOwner).replace(/^0x/, ""));
const isSystem = (p: string) => p === "/zookeeper" || p.startsWith("/zookeeper/");

export async function scanRecipes({ ctx, clusterId, input }: { ctx: RequestCtx; clusterId: string; input: unknown }) {
  const q = scanQuery.parse(input);
  const notes: string[] = [];
  const recipes: RecipeGroup[] = [];
  const visited = new Map<string, RawStat>();
  let client: ZkClient | null = null;
  let truncated = false;
  let canRelease = false;
  const skipped: string[] = [];
  let skippedCount = 0;
  for (const root of q.roots) {
    const session = await ctx.clusterSession(clusterId, root);
    client = session.client;
    const readable = (p: string) => can(ctx.actor, "read", session.cluster, p);
    canRelease = !session.cluster.readOnly && can(ctx.actor, "admin", session.cluster, root);
    type Visited = { item: { path: string; stat: RawStat; group: RecipeGroup | null }; children: string[] } | null;
    const visit = async (path: string, depth: number): Promise<Visited> => {
      if (isSystem(path) || !readable(path) || visited.has(path)) return null;
      let listing;
      try {
        listing = await session.client.children(path);
      } catch (e) {
        if (isZkCode(e, "NO_NODE")) return null;
        if (!isZkCode(e, "NO_AUTH")) throw e;
        if (skippedCount++ < MAX_SKIPPED_LISTED) skipped.push(path);
        return null;
      }
      const { children, stat } = listing;
      const group = classifyChildren(path, children);
      if (group) return { item: { path, stat, group }, children: [] }; // recipe participants are leaves
      if (children.length && depth >= q.maxDepth) { truncated = true; notes.push(`${path}: not scanned below depth ${q.maxDepth}`); return { item: { path, stat, group: null }, children: [] }; }
      if (children.length > MAX_FANOUT) { truncated = true; notes.push(`${path}: ${children.length} children, more than ${MAX_FANOUT}; not looked into`); return { item: { path, stat, group: null }, children: [] }; }
      return { item: { path, stat, group: null }, children };
    };
    for await (const node of pipelinedBfs(root, visit, 16)) {
      visited.set(node.path, node.stat);
      if (node.group) recipes.push(node.group);
      if (visited.size >= q.maxNodes) {
        truncated = true;
        notes.push(`stopped after ${q.maxNodes} znodes (maxNodes); raise it or scan narrower roots`);
        break;
      }
    }
    if (truncated && visited.size >= q.maxNodes) break;
  }
  const found = client ? await withOwners(client, recipes) : [];
  const services = client ? await serviceGroups(client, visited, found) : [];
  return {
    roots: q.roots,
    scanned: visited.size,
    truncated,
    notes: [...new Set(notes)].slice(0, 50).concat(skippedCount ? [skippedNote(skipped, skippedCount)] : []),
    /** Znodes (with their subtrees) the console's ZooKeeper session may not read, at most 100 listed; skippedCount counts all. */
    skipped,
    skippedCount,
    locks: found.filter((r) => r.kind === "lock" || r.kind === "rw-lock"),
    elections: found.filter((r) => r.kind === "leader-latch" || r.kind === "election"),
    services,
    /** Whether the user may force-release locks (the server checks again per node). */
    canRelease,
  };
}

function skippedNote(listed: string[], count: number): string {
  const more = count > listed.length ? ` and ${count - listed.length} more` : "";
  return `${count} znode${count === 1 ? "" : "s"} not scanned (with their subtrees): the console's ZooKeeper session may not read ${count === 1 ? "it" : "them"} by ACL (NO_AUTH): ${listed.join(", ")}${more}`;
}

/** Owner session and version of each participant, so holders link to sessions and release is version-checked. */
async function withOwners(client: ZkClient, groups: RecipeGroup[]): Promise<FoundRecipe[]> {
  let budget = MAX_OWNER_LOOKUPS;
  const look = async (group: RecipeGroup, p: Participant): Promise<RecipeNode> => {
    const path = joinPath(group.path, p.name);
    if (budget-- <= 0) return { ...p, path, sessionId: null, version: null };
    const stat = await client.exists(path).catch(() => null);
    return { ...p, path, sessionId: stat ? ownerOf(stat) : null, version: stat?.version ?? null };
  };
  const out: FoundRecipe[] = [];
  for (const g of groups) {
    const holders = await Promise.all(g.holders.map((p) => look(g, p)));
    const waiters = await Promise.all(g.waiters.slice(0, 50).map((p) => look(g, p)));
    const rest = g.waiters.slice(50).map((p) => ({ ...p, path: joinPath(g.path, p.name), sessionId: null, version: null }));
    out.push({ ...g, holders, waiters: [...waiters, ...rest], participants: g.holders.length + g.waiters.length });
  }
  return out;
}

/** Ephemeral, non-recipe children grouped under their parent: service registrations. */
async function serviceGroups(client: ZkClient, visited: Map<string, RawStat>, recipes: FoundRecipe[]): Promise<ServiceGroup[]> {
  const recipeParents = new Set(recipes.map((r) => r.path));
  const byParent = new Map<string, { path: string; owner: string }[]>();
  for (const [path, stat] of visited) {
    const owner = ownerOf(stat);
    if (!owner || path === "/" || recipeParents.has(parentOf(path))) continue;
    const list = byParent.get(parentOf(path)) ?? [];
    list.push({ path, owner });
    byParent.set(parentOf(path), list);
  }
  let reads = MAX_INSTANCE_READS;
  const groups: ServiceGroup[] = [];
  for (const [parent, nodes] of [...byParent].sort(([a], [b]) => a.localeCompare(b))) {
    const instances = await Promise.all(nodes.sort((a, b) => a.path.localeCompare(b.path)).map(async (n): Promise<ServiceInstance> => {
      const data = reads-- > 0 ? await client.get(n.path).then((r) => r.data.toString("utf8"), () => null) : null;
      return { path: n.path, id: n.path.slice(n.path.lastIndexOf("/") + 1), ephemeral: true, sessionId: n.owner, curator: data ? parseCuratorInstance(data) : null };
    }));
    groups.push({ path: parent, name: instances.find((i) => i.curator?.name)?.curator?.name ?? parent.slice(parent.lastIndexOf("/") + 1), instances });
  }
  return groups;
}
