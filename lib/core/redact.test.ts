// A webhook URL's secret (its path, query or user:password@) never reaches a log line or a
// delivery status: the server's own logger (its options, into a stream the test reads) and a
// real failed delivery to a closed port.
import net, { type AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino, { type Logger } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logOptions } from "./log-options";
import { redactUrl, redactUrlIn } from "./redact";

const SECRET = "T0123/B456/xoxb-secret-token";

describe("webhook URLs in logs", () => {
  const lines: string[] = [];
  const g = globalThis as { __zkConsoleLog?: Logger };
  const before = g.__zkConsoleLog;
  let closedPort = 0;

  beforeAll(async () => {
    // The modules under test log through the one logger on globalThis: here into `lines`.
    g.__zkConsoleLog = pino({ ...logOptions, level: "debug" }, new Writable({ write: (chunk, _enc, done) => { lines.push(String(chunk)); done(); } }));
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
  });
  afterAll(() => {
    g.__zkConsoleLog = before;
  });

  it("keeps only the scheme and host of a URL, whatever it carries", () => {
    expect(redactUrl(`https://hooks.example.test/services/${SECRET}`)).toBe("https://hooks.example.test/…");
    expect(redactUrl("https://user:pw@hooks.example.test")).toBe("https://hooks.example.test/…");
    expect(redactUrl("https://hooks.example.test/?token=abc")).toBe("https://hooks.example.test/…");
    expect(redactUrl("not a url with a secret")).toBe("…");
    expect(redactUrlIn(`POST https://h.test/${SECRET} failed`, `https://h.test/${SECRET}`)).toBe("POST https://h.test/… failed");
  });

  it("a field named url, webhook or webhookUrl is redacted by the logger itself", async () => {
    const { logger } = await import("./log");
    logger("test").warn({ url: `https://hooks.example.test/${SECRET}`, webhook: `https://h.test/?k=${SECRET}`, webhookUrl: `https://h.test/${SECRET}` }, "three fields");
    const line = lines.find((l) => l.includes("three fields"))!;
    expect(line).toBeDefined();
    expect(line).not.toContain("secret-token");
    expect(JSON.parse(line)).toMatchObject({ url: "https://hooks.example.test/…", webhook: "https://h.test/…" });
  });

  it("a failed alert delivery logs and records the URL redacted", async () => {
    process.env.HEALTH_WEBHOOK_TRIES = "1";
    const { sendAlertWebhook, webhooksSettled } = await import("@/lib/health/webhook");
    const url = `http://127.0.0.1:${closedPort}/services/${SECRET}`;
    const alert = { id: -1, kind: "member_down", member: null, severity: "critical", message: "m", startedAt: new Date().toISOString(), resolvedAt: null };
    sendAlertWebhook(url, { event: "alert.opened", cluster: { id: "c", name: "c" }, alert });
    await webhooksSettled();
    delete process.env.HEALTH_WEBHOOK_TRIES;
    const failed = lines.filter((l) => l.includes("alert webhook failed"));
    expect(failed.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).not.toContain("secret-token");
  });
});
