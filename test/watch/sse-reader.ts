// Reads a Server-Sent Events body into LiveEvents: for the tests and the benchmark, which
// consume the very stream a browser gets.
import type { LiveEvent } from "../../lib/watch/events";

type Waiter = { pred: (e: LiveEvent) => boolean; from: number; resolve: (e: LiveEvent) => void };

export class SseReader {
  readonly events: LiveEvent[] = [];
  /** Arrival time (performance.now()) of each event, same index as `events`. */
  readonly arrivals: number[] = [];
  comments = 0;
  retryMs: number | null = null;
  ended = false;
  private waiters: Waiter[] = [];
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly done: Promise<void>;

  constructor(body: ReadableStream<Uint8Array>, private readonly onEvent?: (e: LiveEvent) => void) {
    this.reader = body.getReader();
    this.done = this.pump();
  }

  get lastId(): string | null {
    return this.events.at(-1)?.id ?? null;
  }

  /** The first event from index `from` on that matches; waits up to `timeoutMs`. */
  waitFor(pred: (e: LiveEvent) => boolean, { from = 0, timeoutMs = 30_000, what = "event" } = {}): Promise<LiveEvent> {
    const seen = this.events.slice(from).find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { pred, from, resolve: (e) => { clearTimeout(timer); resolve(e); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${what} within ${timeoutMs} ms; got ${this.events.map((e) => `${e.type}${e.path ? " " + e.path : ""}${e.state ? " " + e.state : ""}`).join(", ") || "nothing"}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => {});
    await this.done.catch(() => {});
  }

  private async pump() {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await this.reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          this.frame(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // cancelled or the connection dropped
    } finally {
      this.ended = true;
    }
  }

  private frame(text: string) {
    let data = "";
    for (const line of text.split("\n")) {
      if (line.startsWith(":")) this.comments++;
      else if (line.startsWith("retry: ")) this.retryMs = Number(line.slice(7));
      else if (line.startsWith("data: ")) data += line.slice(6);
    }
    if (!data) return;
    const event = JSON.parse(data) as LiveEvent;
    this.events.push(event);
    this.arrivals.push(performance.now());
    this.onEvent?.(event);
    const index = this.events.length - 1;
    for (const w of [...this.waiters]) {
      if (index >= w.from && w.pred(event)) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(event);
      }
    }
  }
}
