// A realistic sample tree for the demo cluster and the tests.
import type { ZkClient } from "@/lib/core/zk/client";

const PERSISTENT = 0;
const EPHEMERAL = 1;
const EPHEMERAL_SEQUENTIAL = 3;

async function ensure(client: ZkClient, path: string, data = "") {
  try {
    await client.create(path, Buffer.from(data), PERSISTENT);
  } catch (e) {
    if ((e as { code?: string }).code !== "NODE_EXISTS") throw e;
  }
}

/** Create `count` children under `parent` with bounded concurrency (pipelined, not one round trip each). */
export async function createMany(client: ZkClient, parent: string, count: number, name: (i: number) => string, concurrency = 64) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await ensure(client, `${parent}/${name(i)}`, `item ${i}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export async function seedSampleTree(client: ZkClient, opts: { bigChildren?: number } = {}) {
  for (const p of ["/app", "/app/config", "/services", "/locks", "/big"]) await ensure(client, p);
  await ensure(client, "/app/config/database", JSON.stringify({ host: "db.internal", port: 5432, pool: { min: 2, max: 20 } }));
  await ensure(client, "/app/config/features", JSON.stringify({ newCheckout: true, darkMode: false, rolloutPercent: 25 }));
  await ensure(client, "/app/config/application.properties", "server.port=8080\nlog.level=INFO\ncache.ttl.seconds=300\n");
  await ensure(client, "/app/config/binary-blob", "");
  await client.set("/app/config/binary-blob", Buffer.from([0, 1, 2, 0xfe, 0xff, 0x7f, 0x10]), -1);
  for (const [svc, instances] of [["payments", 3], ["search", 2]] as const) {
    await ensure(client, `/services/${svc}`);
    for (let i = 1; i <= instances; i++) {
      const path = `/services/${svc}/instance-${i}`;
      if (!(await client.exists(path))) {
        await client.create(path, Buffer.from(JSON.stringify({ address: `10.0.0.${i}`, port: 8000 + i })), EPHEMERAL);
      }
    }
  }
  await ensure(client, "/locks/orders-migration");
  const { children } = await client.children("/locks/orders-migration");
  if (children.length === 0) await client.create("/locks/orders-migration/lock-", Buffer.from("worker-1"), EPHEMERAL_SEQUENTIAL);
  await createMany(client, "/big", opts.bigChildren ?? 10_000, (i) => `item-${String(i).padStart(5, "0")}`);
}
