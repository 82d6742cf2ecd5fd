import type { Progress } from "@/lib/core/client/ndjson";

const PHASES: Record<string, string> = { reading: "Reading the source", writing: "Writing", verifying: "Verifying", deleting: "Deleting the source" };

export function ProgressBar({ progress, label }: { progress: Progress | null; label: string }) {
  const phase = progress ? PHASES[progress.phase] ?? progress.phase : "Starting";
  const total = progress?.total ?? 0;
  return (
    <div className="progress" data-testid="progress">
      <progress aria-label={label} max={total || 1} value={progress?.done ?? 0} />
      <span className="muted" role="status">
        {progress ? `${phase}: ${progress.done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} znodes` : `${phase}…`}
      </span>
    </div>
  );
}
