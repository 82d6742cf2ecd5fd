// The parts of the patched `zookeeper` binding (patches/zookeeper) the session worker uses.
type Done = (rc: number, error: string, ...result: never[]) => void;

export interface Native {
  a_get(path: string, watch: boolean, done: Done): number;
  a_exists(path: string, watch: boolean, done: Done): number;
  a_get_children2(path: string, watch: boolean, done: Done): number;
  a_get_acl(path: string, done: Done): number;
  a_create(path: string, data: unknown, flags: number, done: Done): number;
  a_create_ttl(path: string, data: unknown, flags: number, ttl: number, done: Done): number;
  a_set(path: string, data: unknown, version: number, done: Done): number;
  a_delete_(path: string, version: number, done: Done): number;
  a_set_acl(path: string, version: number, acl: object[], done: Done): number;
  a_multi(ops: object[], done: Done): number;
  a_remove_all_watches(path: string, type: number, done: Done): number;
  add_auth(scheme: string, credential: string, done: Done): number;
  a_sync(path: string, done: Done): number;
  a_getconfig(watch: boolean, done: Done): number;
  a_reconfig(joining: string | null, leaving: string | null, members: string | null, fromConfig: number, done: Done): number;
  /** Stop serving the handle (no reads, pings, timers) until resume(). */
  pause(): void;
  resume(): void;
  /** Why the last connection attempt or authentication failed (TLS, SASL), or "". */
  readonly last_error: string;
}

export interface ZooKeeperWrapper {
  native: Native;
  readonly client_id: string;
  readonly client_password: string;
  on(event: string, listener: (...args: never[]) => void): void;
  init(options: object): void;
  close(): void;
}
