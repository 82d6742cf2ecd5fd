import ZooKeeper from "zookeeper";
import { startEnsemble, waitServing, modeOf } from "/work/main/lib/ensemble/launcher";
import { fourLetterWord } from "/work/main/lib/ensemble/four-letter";
(async () => {
  const ens = await startEnsemble({ size: 3 });
  await waitServing(ens.members, 3);
  const zk = new ZooKeeper({ connect: ens.connectionString, timeout: 8000, debug_level: ZooKeeper.constants.ZOO_LOG_LEVEL_WARN, host_order_deterministic: false, response_counter_limit: 2000000000 } as any);
  const t0 = Date.now();
  const log = (...a: unknown[]) => console.log(`[${Date.now() - t0}ms]`, ...a);
  zk.on("connect", () => log("connect", zk.client_id));
  zk.on("connecting", () => log("connecting"));
  zk.on("close", (_: unknown, code: number) => log("close", code));
  await new Promise((r) => { zk.once("connect", r); zk.init({}); });
  for (const target of ens.members) {
    const modes = await Promise.all(ens.members.map(modeOf));
    let connectedTo = 0;
    for (const m of ens.members) { const c = await fourLetterWord(m.host, m.clientPort, "cons").catch(() => ""); if (c.includes(`sid=0x${zk.client_id}`)) connectedTo = m.id; }
    log("modes", modes, "connected to", connectedTo, "stopping", target.id);
    await ens.stop(target.id);
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      const r = await Promise.race([zk.get("/", false).then(() => "ok", (e: Error) => e.message), new Promise((r) => setTimeout(() => r("timeout"), 900))]);
      log("get:", r);
    }
    await ens.start(target.id);
    await waitServing(ens.members, 3);
    log("restarted", target.id);
  }
  await ens.stopAll();
  process.exit(0);
})();
