// The server's one logger: JSON lines (pino) on stdout with a level, the time and, where a request
// is involved, its request id (the X-Request-Id the client got and the audit trail keeps).
// LOG_LEVEL chooses the threshold (default info; "silent" for none). Pipe into `npx pino-pretty`
// to read it by eye.
import pino, { type Logger } from "pino";
import { logOptions } from "./log-options";

// On globalThis: Next.js may load this module once per route bundle; one stream serves them all.
const g = globalThis as { __zkConsoleLog?: Logger };

export const log: Logger = (g.__zkConsoleLog ??= pino(logOptions));

/** A logger for one part of the server (`component` on every line: "api", "zk", "audit", …). */
export const logger = (component: string, fields: Record<string, unknown> = {}): Logger => log.child({ component, ...fields });
