// The options of the server's one logger (lib/core/log.ts), apart so a test can build the same
// logger into a stream it reads.
import pino, { type LoggerOptions } from "pino";
import { redactUrl } from "./redact";

export const logOptions: LoggerOptions = {
  level: process.env.LOG_LEVEL ?? "info",
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  // Webhook URLs carry their token in the path or query: a field of these names is never written whole.
  serializers: { url: redactUrl, webhook: redactUrl, webhookUrl: redactUrl },
};
