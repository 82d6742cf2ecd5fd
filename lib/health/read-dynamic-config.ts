// The dynamic config (/zookeeper/config) through the user's session, read-checked.
// Bounded: an unreachable cluster must not hold the health page for a session timeout.
import "server-only";
import type { RequestCtx } from "@/lib/core/context";

export const CONFIG_PATH = "/zookeeper/config";

export async function readDynamicConfig(ctx: RequestCtx, clusterId: string, timeoutMs = 2000): Promise<{ text: string | null; note: string | null }> {
  let timer: NodeJS.Timeout | undefined;
  const read = (async () => {
    const client = (await ctx.clusterSession(clusterId, CONFIG_PATH)).client;
    const { data } = await client.get(CONFIG_PATH);
    return data.toString("utf8");
  })();
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs); });
  try {
    const text = await Promise.race([read, timeout]);
    return { text: text.trim() ? text : null, note: text.trim() ? null : `${CONFIG_PATH} is empty (a standalone server, or ZooKeeper before 3.5)` };
  } catch (e) {
    read.catch(() => undefined);
    // Not readable (no grant there, a 3.4 server, cluster unreachable): fall back, and say so.
    return { text: null, note: `${CONFIG_PATH} could not be read (${(e as Error).message}); members come from the connection string and the members' conf` };
  } finally {
    clearTimeout(timer);
  }
}
