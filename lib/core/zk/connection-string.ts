// host:port[,host:port...][/chroot] — validated with a message that says what to fix.
import { pathProblem } from "./paths";

export type ParsedConnectionString = { hosts: { host: string; port: number }[]; chroot: string | null };

const HOSTNAME = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
export const MAX_HOSTS = 100;

/** A parsed host without the brackets of an IPv6 literal (`[::1]` → `::1`), as sockets and DNS take it. */
export const bareHost = (host: string) => host.replace(/^\[(.*)\]$/, "$1");

export function parseConnectionString(input: string): ParsedConnectionString | { error: string } {
  const value = input.trim();
  if (!value) return { error: "the connection string is empty; expected host:port[,host:port...][/chroot], e.g. zk1:2181,zk2:2181/kafka" };
  if (/\s/.test(value)) return { error: "the connection string must not contain spaces" };
  const slash = value.indexOf("/");
  const hostPart = slash >= 0 ? value.slice(0, slash) : value;
  const chroot = slash >= 0 ? value.slice(slash) : null;
  if (chroot !== null) {
    const problem = pathProblem(chroot);
    if (problem || chroot === "/") return { error: `invalid chroot ${JSON.stringify(chroot)}: ${problem ?? "a chroot of / is the same as none; remove it"}` };
  }
  const entries = hostPart.split(",");
  if (entries.length > MAX_HOSTS) return { error: `too many hosts (${entries.length}); at most ${MAX_HOSTS}` };
  const hosts: ParsedConnectionString["hosts"] = [];
  for (const entry of entries) {
    const m = /^(\[[0-9a-fA-F:]+\]|[^:]+):(\d+)$/.exec(entry);
    if (!m) return { error: `${JSON.stringify(entry)} is not host:port (the port is required, e.g. ${entry || "zk1"}:2181)` };
    const host = m[1];
    const port = Number(m[2]);
    if (!(host.startsWith("[") || IPV4.test(host) || HOSTNAME.test(host))) return { error: `${JSON.stringify(host)} is not a valid host name or IP address` };
    if (!Number.isInteger(port) || port < 1 || port > 65535) return { error: `port ${m[2]} of ${host} is out of range (1-65535)` };
    hosts.push({ host, port });
  }
  return { hosts, chroot };
}
