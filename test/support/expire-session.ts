// Expire a console session for real, the way a long GC pause or a partition does: freeze its
// process, let the server expire the session once it stops pinging (the server then closes its
// connection), and let the process run again to find the session gone.
import { fourLetterWord } from "../../lib/core/zk/four-letter";
import { sessionInternals } from "../../lib/core/zk/sessions";
import { sleep } from "./eventually";

/** Whether any member of `connectionString` still has a connection of session `sessionId`. */
async function stillConnected(connectionString: string, sessionId: string): Promise<boolean> {
  const members = connectionString.split("/")[0].split(",").map((hp) => {
    const i = hp.lastIndexOf(":");
    return { host: hp.slice(0, i), port: Number(hp.slice(i + 1)) };
  });
  const answers = await Promise.all(members.map((m) => fourLetterWord(m.host, m.port, "cons", 1000).catch(() => "")));
  return answers.some((a) => a.includes(`sid=0x${sessionId}`));
}

/**
 * Returns the expired session's id. `whileFrozen` runs while the session's process is stopped
 * (e.g. to change nodes behind its back).
 */
export async function expireSession(clusterId: string, connectionString: string, whileFrozen?: () => Promise<void>): Promise<string> {
  const internals = sessionInternals(clusterId);
  if (!internals?.sessionId) throw new Error(`cluster ${clusterId} has no live session to expire`);
  const sessionId = internals.sessionId;
  internals.kill("SIGSTOP");
  try {
    await whileFrozen?.();
    const deadline = Date.now() + 120_000;
    while (await stillConnected(connectionString, sessionId)) {
      if (Date.now() > deadline) throw new Error(`session 0x${sessionId} did not expire within 120 s`);
      await sleep(250);
    }
  } finally {
    internals.kill("SIGCONT");
  }
  return sessionId;
}
