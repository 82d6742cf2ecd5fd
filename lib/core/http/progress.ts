// Long operations (copy, move, import) report progress as NDJSON when the client
// asks for `application/x-ndjson`: {type:"progress"} lines, then one {type:"result"}
// or {type:"error"} line. Errors before the first progress line are ordinary JSON errors.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { errorBody, toConsoleError } from "./error-response";

/** One progress line: how far a long operation has got (`total` 0 while still counting). */
export type Progress = { phase: string; done: number; total: number };

export const wantsProgress = (req: NextRequest) => (req.headers.get("accept") ?? "").includes("application/x-ndjson");

/** Typed as answering `T`: as JSON, or as the `result` line the stream ends with. */
export function withProgress<T>(req: NextRequest, run: (emit: (p: Progress) => void) => Promise<T>): Promise<NextResponse<T>> {
  if (!wantsProgress(req)) return run(() => {}).then((r) => NextResponse.json(r));
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const line = (o: unknown) => writer.write(new TextEncoder().encode(JSON.stringify(o) + "\n")).catch(() => {});
  let started = false;
  let last = 0;
  return new Promise<NextResponse<T>>((resolve, reject) => {
    const emit = (p: Progress) => {
      if (!started) {
        started = true;
        resolve(new NextResponse(readable, { headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store" } }) as NextResponse<T>);
      }
      const now = Date.now();
      if (now - last < 200 && p.done !== p.total) return; // at most ~5 lines a second
      last = now;
      void line({ type: "progress", ...p });
    };
    run(emit).then(
      async (result) => {
        if (!started) return resolve(NextResponse.json(result));
        await line({ type: "result", result });
        await writer.close().catch(() => {});
      },
      async (e) => {
        if (!started) return reject(e);
        const mapped = errorBody(toConsoleError(e));
        await line({ type: "error", error: mapped });
        await writer.close().catch(() => {});
      },
    );
  });
}
