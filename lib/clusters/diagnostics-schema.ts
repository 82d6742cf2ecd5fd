// The answer of a connection diagnosis, step by step, shared by the server and the browser.
import { z } from "zod";

export const DIAGNOSTIC_STEPS = ["settings", "dns", "tcp", "tls", "server", "session", "sasl", "chroot"] as const;

export const diagnosticStep = z.object({
  step: z.enum(DIAGNOSTIC_STEPS),
  /** The member (host:port) or host the step is about; absent for cluster-wide steps. */
  target: z.string().optional(),
  status: z.enum(["ok", "failed", "skipped"]),
  detail: z.string(),
  /** For a failed or skipped step: what to do next. */
  next: z.string().optional(),
  ms: z.number().optional(),
  facts: z.record(z.string(), z.unknown()).optional(),
});

export const diagnosis = z.object({ ok: z.boolean(), steps: z.array(diagnosticStep) });

export type DiagnosticStep = z.infer<typeof diagnosticStep>;
export type Diagnosis = z.infer<typeof diagnosis>;
