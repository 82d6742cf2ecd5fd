// Expire a console session for real, the way a long GC pause or a partition does:
// freeze its process, let another client take the session over and close it (which
// ends it on the server), then let the process run again and find the session gone.
import ZooKeeper from "zookeeper";
import { sessionInternals } from "../zk/sessions";

export async function expireSession(clusterId: string, connectionString: string): Promise<string> {
  const internals = sessionInternals(clusterId);
  if (!internals?.sessionId || !internals.password) throw new Error(`cluster ${clusterId} has no live session to expire`);
  internals.kill("SIGSTOP");
  try {
    const thief = new ZooKeeper({ connect: connectionString, timeout: 10_000, client_id: internals.sessionId, client_password: internals.password, debug_level: ZooKeeper.constants.ZOO_LOG_LEVEL_ERROR });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("could not take over the session")), 10_000);
      thief.once("connect", () => {
        clearTimeout(timer);
        thief.close();
        resolve();
      });
      thief.init({});
    });
  } finally {
    internals.kill("SIGCONT");
  }
  return internals.sessionId;
}
