// A V8 .cpuprofile (node --cpu-prof) summarised by where its self time went: npm package, Node
// core, the console's bundled server chunks (.next*/server/…), GC; as a markdown table.
type Node = { id: number; callFrame: { functionName: string; url: string }; children?: number[] };
type CpuProfile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
/** A stretch of the profile in ms counted back from its end (the profiler stops on SIGTERM). */
export type Window = { fromEndMs: number; toEndMs: number };

function areaOf({ functionName, url }: Node["callFrame"]): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(V8 builtins, native code)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    const inner = url.slice(url.lastIndexOf("node_modules/") + 13 + pkg[1].length);
    // Next.js is large: its own runtime, compiled dependencies and server kept apart.
    if (pkg[1] === "next") return `next ${/dist\/(compiled\/[^/]+|server\/[^/]+|[^/]+)/.exec(inner)?.[1] ?? ""}`.trim();
    return pkg[1];
  }
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0] === "internal" ? url.slice(5).split("/").slice(0, 2).join("/") : url.slice(5)}`;
  const bundled = /\.next[^/]*\/server\/(.*)$/.exec(url);
  if (bundled) return `bundle ${bundled[1].replace(/\[[^\]]+\]/g, "[…]")}`;
  return url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
}

export function summariseCpuProfile(profile: CpuProfile, requests: number, window: Window, top = 20): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  let idle = 0;
  const from = profile.endTime - window.fromEndMs * 1000;
  const to = profile.endTime - window.toEndMs * 1000;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (at < from || at > to) return;
    const node = byId.get(id);
    if (!node) return;
    const area = areaOf(node.callFrame);
    if (area === "(idle)") idle += dt;
    else total += dt;
    self.set(area, (self.get(area) ?? 0) + dt);
  });
  self.delete("(idle)");
  const rows = [...self].sort((x, y) => y[1] - x[1]).slice(0, top);
  const perRequest = requests > 0 ? total / 1000 / requests : 0;
  return [
    `CPU profile of the server's main thread during the ${requests} reads of the profiled run (V8 sampling profiler; the window is placed from the profile's end, when the server got SIGTERM): ${(total / 1e6).toFixed(1)} s busy, ${(idle / 1e6).toFixed(1)} s idle, ${perRequest.toFixed(2)} ms busy per read. Self time by file or package (top ${top}; \`bundle …\` is the console's and its bundled dependencies' code in the Next build):`,
    ``,
    `| area (self time) | ms | share of busy |`,
    `|---|---:|---:|`,
    ...rows.map(([area, us]) => `| ${area} | ${(us / 1000).toFixed(0)} | ${((100 * us) / total).toFixed(1)} % |`),
  ].join("\n");
}
