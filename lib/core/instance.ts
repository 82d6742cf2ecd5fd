// Which console instance this process is, when several share one database: named in the
// invalidations it relays, in the live viewer's event ids, in the health sampler's leadership
// and in GET /api/health. CONSOLE_INSTANCE_ID names it; otherwise host, process and a random tag
// (a restarted process is a new instance: its live buffers and caches started empty).
import { randomBytes } from "node:crypto";
import os from "node:os";

const g = globalThis as { __zkConsoleInstance?: string };

export const instanceId = (): string =>
  (g.__zkConsoleInstance ??= process.env.CONSOLE_INSTANCE_ID || `${os.hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`);
