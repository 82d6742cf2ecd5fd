import ZooKeeper from "zookeeper";
import { startEnsemble, waitServing, modeOf } from "/work/main/lib/ensemble/launcher";
(async () => {
  const ens = await startEnsemble({ size: 3 });
  await waitServing(ens.members, 3);
  const zk = new ZooKeeper({ connect: ens.connectionString, timeout: 8000, debug_level: ZooKeeper.constants.ZOO_LOG_LEVEL_WARN, host_order_deterministic: false, response_counter_limit: 2000000000 } as any);
  const t0 = Date.now();
  const log = (...a: unknown[]) => console.log(`[${Date.now() - t0}ms]`, ...a);
  let state = "";
  zk.on("connect", () => { state = "connected"; log("connect", zk.client_id); });
  zk.on("connecting", () => { state = "connecting"; log("connecting"); });
  zk.on("close", (_: unknown, code: number) => log("close", code));
  await new Promise((r) => { zk.once("connect", r); zk.init({}); });
  for (const target of ens.members) {
    log("stopping", target.id, await Promise.all(ens.members.map(modeOf)));
    await ens.stop(target.id);
    for (let i = 0; i < 25; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      if (i % 5 === 4) log("state", state);
    }
    await ens.start(target.id);
    await waitServing(ens.members, 3);
  }
  await ens.stopAll();
  process.exit(0);
})();
