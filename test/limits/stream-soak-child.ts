// The soak's own process (run with --expose-gc by stream-soak.test.ts): thousands of live streams
// opened, read and closed, and reads, through the same verbs the routes call; retained heap after
// a forced GC before and after, printed as JSON on the last line.
import { requestCtx } from "../../lib/access/request-ctx";
import { configureWatchHub, existingHub, openEventStream } from "../../lib/watch";
import { getNode } from "../../lib/znodes";
import { closeSession } from "../../lib/core/zk/sessions";
import { fourLetterWord } from "../../lib/core/zk/four-letter";
import { parseWchs } from "../../lib/health/parse-wchs";

const [clusterId, cyclesText, readsText, hostPort] = process.argv.slice(2);
const CYCLES = Number(cyclesText);
const READS = Number(readsText);
const PARALLEL = 8;
const ctx = () => requestCtx({ actor: { id: "soak", username: "soak", name: "soak", role: "admin", provider: "credentials" }, sourceIp: "127.0.0.1" });

const gc = (globalThis as { gc?: () => void }).gc!;
async function retainedHeap(): Promise<number> {
  // Let timers and callbacks of closed streams run out, then collect twice (weak maps, finalizers).
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 100));
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/** One viewer: open, read until the stream has caught up (its first event), close. */
async function cycle(i: number) {
  const paths = ["/soak", ...["a", "b", "c", "d"].map((k) => `/soak/missing-${i}-${k}`)];
  const res = await openEventStream({ ctx: ctx(), clusterId, input: { paths } });
  const reader = res.body!.getReader();
  let text = "";
  while (!text.includes("data:")) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  await reader.cancel();
}

async function run(n: number, work: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    while (next < n) await work(next++);
  }));
}

async function main() {
  configureWatchHub({ lingerMs: 0 });
  await run(150, cycle); // warm-up: JIT, the session, the hub
  await run(150, () => getNode({ ctx: ctx(), clusterId, input: { path: "/soak" } }));
  const before = await retainedHeap();
  const started = Date.now();
  await run(CYCLES, (i) => cycle(1000 + i));
  await run(READS, () => getNode({ ctx: ctx(), clusterId, input: { path: "/soak" } }));
  // The hub lets go of everything once idle (watch removals are answered asynchronously).
  for (let i = 0; i < 100 && existingHub(clusterId); i++) await new Promise((r) => setTimeout(r, 50));
  const after = await retainedHeap();
  // What ZooKeeper still watches for this process's session (which is still open).
  const [host, port] = hostPort.split(":");
  const watches = parseWchs(await fourLetterWord(host, Number(port), "wchs"))?.watches ?? null;
  console.log(JSON.stringify({ before, after, cycles: CYCLES, reads: READS, seconds: (Date.now() - started) / 1000, hubLeft: !!existingHub(clusterId), watches }));
  closeSession(clusterId);
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
