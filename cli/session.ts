// What every command stands on: the API client, the printer and the cluster chosen by name or id.
import { Api } from "./api";
import { CliError, EXIT } from "./exit-codes";
import { printer, type Printer } from "./output";

export type GlobalOptions = { url: string; token?: string; cluster?: string; json?: boolean; timeout: string };
export type Cluster = { id: string; name: string; readOnly?: boolean; environment?: string | null; session?: { state: string } };

/** Where the CLI reads its environment and writes (the process's own, or a test's). */
export type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; env: NodeJS.ProcessEnv };

export type Session = {
  api: Api;
  print: Printer;
  env: NodeJS.ProcessEnv;
  /** The exit code when the command itself succeeded but has news (diff found differences, import conflicts). */
  exitWith(code: number): void;
  /** The cluster of --cluster (name or id), or the only one the token sees. */
  cluster(): Promise<Cluster>;
  /** A cluster by name or id. */
  clusterNamed(nameOrId: string): Promise<Cluster>;
  clusters(): Promise<Cluster[]>;
  explicitCluster?: string;
};

export function openSession(o: GlobalOptions, io: Io, exitWith: (code: number) => void): Session {
  const env = io.env;
  const token = o.token ?? env.ZK_CONSOLE_TOKEN;
  if (!token) throw new CliError("no API token: set ZK_CONSOLE_TOKEN (or --token); make one on the console's Tokens page", EXIT.UNAUTHENTICATED);
  const timeoutMs = Number(o.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new CliError(`--timeout must be a whole number of milliseconds (got ${o.timeout})`, EXIT.BAD_INPUT);
  try {
    new URL(o.url);
  } catch {
    throw new CliError(`--url is not a URL: ${o.url}`, EXIT.BAD_INPUT);
  }
  const api = new Api({ url: o.url, token, timeoutMs });
  let list: Promise<Cluster[]> | null = null;
  const clusters = () => (list ??= api.json<{ clusters: Cluster[] }>("GET", "/api/v1/clusters").then((r) => r.clusters));
  const clusterNamed = async (nameOrId: string) => {
    const all = await clusters();
    const found = all.find((c) => c.id === nameOrId) ?? all.find((c) => c.name === nameOrId);
    if (!found) throw new CliError(`no cluster named ${JSON.stringify(nameOrId)} is visible to this token (visible: ${all.map((c) => c.name).join(", ") || "none"})`, EXIT.NOT_FOUND, "NOT_FOUND");
    return found;
  };
  return {
    api,
    print: printer(!!o.json, io.stdout, io.stderr),
    env,
    exitWith,
    clusters,
    clusterNamed,
    explicitCluster: o.cluster ?? env.ZK_CONSOLE_CLUSTER,
    async cluster() {
      const wanted = o.cluster ?? env.ZK_CONSOLE_CLUSTER;
      if (wanted) return clusterNamed(wanted);
      const all = await clusters();
      if (all.length === 1) return all[0];
      throw new CliError(`say which cluster with --cluster <name|id> (or ZK_CONSOLE_CLUSTER): ${all.length ? `this token sees ${all.map((c) => c.name).join(", ")}` : "this token sees none"}`, EXIT.BAD_INPUT);
    },
  };
}

/** The API path of a cluster's resource. */
export const clusterPath = (c: Cluster, rest: string) => `/api/v1/clusters/${encodeURIComponent(c.id)}/${rest}`;

/** A znode path argument: absolute, as ZooKeeper wants it (the console checks the rest). */
export function znodePath(p: string): string {
  if (!p.startsWith("/")) throw new CliError(`a znode path starts with / (got ${JSON.stringify(p)})`, EXIT.BAD_INPUT);
  return p;
}

/** A whole number option (versions, limits). */
export function wholeNumber(name: string, min = 0) {
  return (v: string): number => {
    if (!/^\d+$/.test(v.trim()) || Number(v) < min || !Number.isSafeInteger(Number(v))) throw new CliError(`${name} must be a whole number${min ? ` of at least ${min}` : ""} (got ${JSON.stringify(v)})`, EXIT.BAD_INPUT);
    return Number(v);
  };
}
