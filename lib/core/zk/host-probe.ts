// Before a session is opened on several hosts, each is asked once, all in parallel with a short
// timeout, whether anything answers there (a four-letter word: any answer or a clean close counts;
// a member that refuses the word answers so and closes). The C client shuffles the hosts and waits
// out each silent one it picks (a black hole: packets dropped, or a socket that never answers):
// nine such hosts and one live member took up to ~50 s to a first read, with a logged timeout for
// each. When some hosts are silent, the session gets the answering ones first, in that order, and
// the silent ones last (still there to fail over to: the C client walks the list in order).
import { fourLetterWord } from "./four-letter";
import { bareHost, parseConnectionString } from "./connection-string";

/** How long a host may stay silent before it is tried last by a new session. */
export const HOST_PROBE_TIMEOUT_MS = 1_000;

/** `connectionString` with the answering hosts first (unchanged when all or none answer), and the silent ones. */
export type HostProbe = { connectionString: string; silent: string[] };

export async function answeringHosts(connectionString: string, timeoutMs = HOST_PROBE_TIMEOUT_MS): Promise<HostProbe> {
  const parsed = parseConnectionString(connectionString);
  if ("error" in parsed || parsed.hosts.length < 2) return { connectionString, silent: [] };
  const answered = await Promise.all(
    parsed.hosts.map(({ host, port }) =>
      fourLetterWord(bareHost(host), port, "srvr", timeoutMs, 64 * 1024).then(() => true, () => false),
    ),
  );
  const name = (h: { host: string; port: number }) => `${h.host}:${h.port}`;
  const live = parsed.hosts.filter((_, i) => answered[i]);
  const silent = parsed.hosts.filter((_, i) => !answered[i]);
  if (live.length === 0 || silent.length === 0) return { connectionString, silent: [] };
  return { connectionString: [...live, ...silent].map(name).join(",") + (parsed.chroot ?? ""), silent: silent.map(name) };
}
