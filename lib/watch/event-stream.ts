// One viewer's Server-Sent Events stream. Pull-based: a frame leaves only when the response
// can take it (Next.js waits for the socket to drain), so a viewer that stops reading only
// fills this stream's bounded queue. On overflow the queue is dropped and, once the viewer
// reads again, it gets one resync instead of the lost events.
import type { ClusterHub, Subscription } from "./cluster-hub";
import { HEARTBEAT_FRAME, sseFrame, type LiveEvent } from "./events";

export type StreamLimits = {
  maxQueuedEvents: number;
  maxQueuedBytes: number;
  heartbeatMs: number;
  /** Reconnect delay the browser's EventSource uses after a drop. */
  retryMs: number;
};

export const DEFAULT_LIMITS: StreamLimits = { maxQueuedEvents: 1000, maxQueuedBytes: 256 * 1024, heartbeatMs: 15_000, retryMs: 3_000 };

export type StreamStats = { queuedEvents: number; queuedBytes: number; maxQueuedBytes: number; overflows: number; dropped: number; sent: number };

/** `end(event)` sends a last event (after what is queued) and closes the stream. */
export type LiveStream = { stream: ReadableStream<Uint8Array>; stats(): StreamStats; close(): void; end(event: LiveEvent): void };

type Args = { hub: ClusterHub; paths: string[]; lastEventId?: string | null; signal?: AbortSignal; limits?: Partial<StreamLimits>; onClose?: () => void };

export function openLiveStream({ hub, paths, lastEventId, signal, limits: custom, onClose }: Args): LiveStream {
  const limits = { ...DEFAULT_LIMITS, ...custom };
  const encoder = new TextEncoder();
  const stats: StreamStats = { queuedEvents: 0, queuedBytes: 0, maxQueuedBytes: 0, overflows: 0, dropped: 0, sent: 0 };
  let queue: string[] = [];
  let starting = true;
  let overflowed = false;
  let ending = false;
  let closed = false;
  let waiting: (() => void) | null = null;
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let subscription: Subscription | null = null;
  let heartbeat: NodeJS.Timeout | null = null;

  const wake = () => {
    const w = waiting;
    waiting = null;
    w?.();
  };

  function push(frame: string) {
    if (closed || ending) return;
    if (overflowed) {
      stats.dropped++;
      return;
    }
    const bytes = Buffer.byteLength(frame);
    if (queue.length + 1 > limits.maxQueuedEvents || stats.queuedBytes + bytes > limits.maxQueuedBytes) {
      // The viewer is not keeping up: forget what it missed, it will refetch instead.
      stats.dropped += queue.length + 1;
      stats.overflows++;
      queue = [];
      stats.queuedBytes = 0;
      stats.queuedEvents = 0;
      overflowed = true;
      return;
    }
    queue.push(frame);
    stats.queuedEvents = queue.length;
    stats.queuedBytes += bytes;
    stats.maxQueuedBytes = Math.max(stats.maxQueuedBytes, stats.queuedBytes);
    if (!starting) wake();
  }

  /** Hand everything queued to the response as one chunk. */
  function flush(ctrl: ReadableStreamDefaultController<Uint8Array>) {
    if (overflowed) {
      overflowed = false;
      queue.push(sseFrame(hub.resyncEvent("this stream fell behind and skipped events; reload what is shown")));
    }
    if (queue.length) {
      stats.sent += queue.length;
      ctrl.enqueue(encoder.encode(queue.join("")));
    }
    queue = [];
    stats.queuedBytes = 0;
    stats.queuedEvents = 0;
    if (ending) close();
  }

  function close() {
    if (closed) return;
    closed = true;
    if (heartbeat) clearInterval(heartbeat);
    signal?.removeEventListener("abort", close);
    subscription?.close();
    onClose?.();
    try {
      controller?.close();
    } catch {
      // already closed or errored by the consumer
    }
    wake();
  }

  const sink = {
    paths: new Set(paths),
    deliver: (event: LiveEvent) => push(sseFrame(event)),
    end: (event: LiveEvent) => {
      push(sseFrame(event));
      ending = true;
      if (!starting) wake();
    },
  };

  const stream = new ReadableStream<Uint8Array>({
    start(ctrl) {
      controller = ctrl;
      ctrl.enqueue(encoder.encode(`retry: ${limits.retryMs}\n\n`));
      if (signal?.aborted) return close();
      signal?.addEventListener("abort", close, { once: true });
      subscription = hub.subscribe(paths, sink);
      const sub = subscription;
      // Events that arrive before the catch-up is sent wait in the queue behind it.
      void sub.ready.then(() => {
        if (closed) return;
        const early = queue;
        queue = [];
        stats.queuedBytes = 0;
        for (const e of sub.catchUp(lastEventId)) push(sseFrame(e));
        for (const frame of early) push(frame);
        starting = false;
        wake();
      });
      heartbeat = setInterval(() => {
        if (!starting && queue.length === 0 && !overflowed) push(HEARTBEAT_FRAME);
      }, limits.heartbeatMs);
      heartbeat.unref();
    },
    pull(ctrl) {
      if (closed) return;
      if (!starting && (queue.length || overflowed || ending)) return flush(ctrl);
      return new Promise<void>((resolve) => {
        waiting = () => {
          if (!closed && (queue.length || overflowed || ending)) flush(ctrl);
          resolve();
        };
      });
    },
    cancel() {
      close();
    },
  });

  return { stream, stats: () => ({ ...stats }), close, end: sink.end };
}
