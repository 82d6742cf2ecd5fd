// The project's import graph, read with the TypeScript scanner (imports, re-exports, import(),
// require()), and the layer rules it must follow: core ← access ← domains ← app.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export const ROOT = path.resolve(__dirname, "../..");

export type Layer = "core" | "access" | "domain" | "app" | "test" | "tool";
const RANK: Partial<Record<Layer, number>> = { core: 0, access: 1, domain: 2, app: 3 };

export function layerOf(file: string): Layer {
  const [top, second] = file.split("/");
  if (top === "lib") return second === "core" ? "core" : second === "access" ? "access" : "domain";
  if (top === "app" || top === "components" || file === "middleware.ts" || file === "instrumentation.ts") return "app";
  if (top === "test") return "test";
  return "tool";
}

const isTestFile = (file: string) => /\.test\.tsx?$/.test(file);
/** Product code: what `next build` ships. Tests beside their module may import harness and routes. */
export const isProduct = (file: string) => RANK[layerOf(file)] !== undefined && !isTestFile(file);

/** The folder a domain file belongs to (lib/znodes/set-data.ts → lib/znodes; lib/startup.ts → lib/startup). */
export const domainOf = (file: string) => file.split("/").slice(0, 2).join("/").replace(/\.tsx?$/, "");

const SOURCE = /\.(ts|tsx|mjs|cjs|js)$/;
const SKIP = new Set(["node_modules", "generated", ".git"]);

function walk(dir: string, out: string[]) {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isFile()) return void (SOURCE.test(dir) && out.push(dir));
  for (const entry of fs.readdirSync(full)) {
    if (SKIP.has(entry) || entry.startsWith(".next")) continue;
    walk(path.join(dir, entry), out);
  }
}

const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx", ".mjs", ".cjs", ".js"];

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.join(path.dirname(from), spec) : null;
  if (base === null) return null; // a package
  for (const ext of EXTENSIONS) {
    const candidate = path.normalize(base + ext);
    const full = path.join(ROOT, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return null;
}

export type Edge = { from: string; to: string };

const ROOTS = ["lib", "app", "components", "test", "e2e", "bench", "scripts", "middleware.ts", "instrumentation.ts"];

/** The project's source files under the given roots (paths relative to the repository). */
export function sourceFiles(roots = ROOTS): string[] {
  const files: string[] = [];
  for (const r of roots) walk(r, files);
  return files;
}

/** Every import between project files under the given roots. */
export function importGraph(roots = ROOTS): Edge[] {
  const files = sourceFiles(roots);
  const edges: Edge[] = [];
  for (const from of files) {
    const info = ts.preProcessFile(fs.readFileSync(path.join(ROOT, from), "utf8"), true, true);
    for (const { fileName } of info.importedFiles) {
      const to = resolve(from, fileName);
      if (to) edges.push({ from, to });
    }
  }
  return edges;
}

/** Strongly connected groups of more than one node (or a node importing itself): the cycles. */
function cycles(nodes: Iterable<string>, next: (n: string) => Iterable<string>): string[][] {
  let index = 0;
  const idx = new Map<string, number>(), low = new Map<string, number>(), onStack = new Set<string>(), stack: string[] = [], found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index); low.set(v, index++); stack.push(v); onStack.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) !== idx.get(v)) return;
    const group: string[] = [];
    let w: string;
    do { w = stack.pop()!; onStack.delete(w); group.push(w); } while (w !== v);
    if (group.length > 1 || [...next(v)].includes(v)) found.push(group.sort());
  };
  for (const n of nodes) if (!idx.has(n)) visit(n);
  return found;
}

/** Every broken rule, as one sentence each; empty when the layout holds. */
export function layerViolations(edges: Edge[]): string[] {
  const out: string[] = [];
  const product = edges.filter((e) => isProduct(e.from));
  for (const { from, to } of product) {
    const [a, b] = [layerOf(from), layerOf(to)];
    if (RANK[b] === undefined) out.push(`${from} (product) imports ${to} (${b === "test" ? "test harness" : "a tool"})`);
    else if (RANK[b]! > RANK[a]!) out.push(`${from} (${a}) imports ${to} (${b}): imports go core ← access ← domains ← app`);
  }
  for (const { from, to } of product) {
    // Page-local files belong to their page (and the layouts above it); shared UI is in components/.
    if (from.startsWith("app/") && to.startsWith("app/") && !(path.dirname(from) + "/").startsWith(path.dirname(to) + "/")) out.push(`${from} imports ${to} from another route's folder (shared UI goes in components/)`);
  }
  const domainEdges = new Map<string, Set<string>>();
  for (const { from, to } of product) {
    if (layerOf(from) !== "domain" || layerOf(to) !== "domain" || isTestFile(to) || domainOf(from) === domainOf(to)) continue;
    if (!domainEdges.has(domainOf(from))) domainEdges.set(domainOf(from), new Set());
    domainEdges.get(domainOf(from))!.add(domainOf(to));
  }
  for (const group of cycles(domainEdges.keys(), (d) => domainEdges.get(d) ?? [])) out.push(`domain folders import each other in a circle: ${group.join(" ↔ ")}`);
  const fileEdges = new Map<string, Set<string>>();
  for (const { from, to } of product) {
    if (!isProduct(to)) continue;
    if (!fileEdges.has(from)) fileEdges.set(from, new Set());
    fileEdges.get(from)!.add(to);
  }
  for (const group of cycles(fileEdges.keys(), (f) => fileEdges.get(f) ?? [])) out.push(`files import each other in a circle: ${group.join(" ↔ ")}`);
  return out;
}
