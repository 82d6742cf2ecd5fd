// Nine black-hole hosts (loopback sockets that accept and never answer, like a dropped network)
// and one live member in one connection string: the session tries the live member first, so the
// first read succeeds within the session timeout (on the old code the C client waited out the
// black holes one by one, ~50 s, and the read failed with CLUSTER_UNAVAILABLE), and the C client
// never opens another connection to them after the one probe each.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEnsemble, type LocalEnsemble } from "@/lib/ensemble/launcher";
import { answeringHosts } from "./host-probe";
import { closeSession, getClient } from "./sessions";

type BlackHole = { port: number; connections: number; close: () => Promise<void> };

async function blackHole(): Promise<BlackHole> {
  const sockets = new Set<net.Socket>();
  const hole = { port: 0, connections: 0 } as BlackHole;
  const server = net.createServer((s) => {
    hole.connections++;
    sockets.add(s);
    s.on("error", () => {});
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  hole.port = (server.address() as net.AddressInfo).port;
  hole.close = () => new Promise<void>((r) => {
    for (const s of sockets) s.destroy();
    server.close(() => r());
  });
  return hole;
}

describe("hosts that never answer", () => {
  let zk: LocalEnsemble;
  let holes: BlackHole[];
  let live: string;

  beforeAll(async () => {
    zk = await startEnsemble({ size: 1 });
    live = `127.0.0.1:${zk.members[0].clientPort}`;
    holes = await Promise.all(Array.from({ length: 9 }, blackHole));
  });
  afterAll(async () => {
    closeSession("black-holes");
    await Promise.all((holes ?? []).map((h) => h.close()));
    await zk?.stopAll();
  });

  it("are put last in the connection string; a refused port too; unchanged when none or all answer", async () => {
    const hosts = holes.slice(0, 2).map((h) => `127.0.0.1:${h.port}`);
    const probe = await answeringHosts([hosts[0], live, hosts[1]].join(",") + "/app", 300);
    expect(probe).toEqual({ connectionString: `${[live, ...hosts].join(",")}/app`, silent: hosts });
    const refusing = await blackHole();
    await refusing.close(); // nothing listens there any more: refused
    expect((await answeringHosts(`127.0.0.1:${refusing.port},${live}`, 300)).silent).toEqual([`127.0.0.1:${refusing.port}`]);
    expect(await answeringHosts(hosts.join(","), 300)).toEqual({ connectionString: hosts.join(","), silent: [] });
    expect(await answeringHosts(live, 300)).toEqual({ connectionString: live, silent: [] });
  });

  it("nine black holes and one member: the first read succeeds within the session timeout, and no black hole is connected to again", async () => {
    for (const h of holes) h.connections = 0;
    const hosts = [...holes.slice(0, 5).map((h) => `127.0.0.1:${h.port}`), live, ...holes.slice(5).map((h) => `127.0.0.1:${h.port}`)];
    const client = await getClient({ id: "black-holes", connectionString: hosts.join(","), sessionTimeoutMs: 8000 });
    expect(await client.exists("/zookeeper")).not.toBeNull();
    // One connection each: the probe's. The C client, given them shuffled, connected to those it picked before the member.
    expect(holes.map((h) => h.connections)).toEqual(holes.map(() => 1));
  }, 30_000);
});
