// Streamed NDJSON answers (search, diff): one JSON row a line, pulled from an async generator, so a
// slow reader holds the walk back instead of letting rows pile up. The walk stops when the reader
// goes away: the stream's cancel() and the request's abort signal both end the generator (Next.js
// does not always deliver one of them).
import "server-only";
import { errorBody, toConsoleError } from "./error-response";

export function ndjsonResponse(rows: AsyncGenerator<unknown>, opts: { signal?: AbortSignal; requestId?: string } = {}): Response {
  const encoder = new TextEncoder();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    void rows.return(undefined).catch(() => {});
  };
  opts.signal?.addEventListener("abort", stop, { once: true });
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stopped) return controller.close();
      try {
        const { value, done } = await rows.next();
        if (done || stopped) return controller.close();
        controller.enqueue(encoder.encode(JSON.stringify(value) + "\n"));
      } catch (e) {
        // The status is sent with the first row: a failure becomes the last row (unknown ones logged with the request id).
        controller.enqueue(encoder.encode(JSON.stringify({ type: "error", error: errorBody(toConsoleError(e, opts.requestId)) }) + "\n"));
        controller.close();
      }
    },
    cancel: stop,
  });
  return new Response(body, { headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store" } });
}
