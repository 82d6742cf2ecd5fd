"use client";

import { ErrorBox } from "@/components/error-box";
import { useSubtreePreview } from "@/lib/znodes/client/use-subtree-preview";

export function SubtreePreview({ clusterId, path }: { clusterId: string; path: string }) {
  const preview = useSubtreePreview(clusterId, path);
  if (preview.isPending) return <p className="muted" role="status">Counting the znodes under {path}…</p>;
  if (preview.isError) return <ErrorBox error={preview.error} title="Could not preview the subtree" />;
  const { count, depth, samples, ephemerals } = preview.data;
  return (
    <div className="report" data-testid="subtree-preview">
      <p>
        <strong>{count.toLocaleString("en-US")} znodes</strong> will be deleted ({path} and everything below it), {depth} level{depth === 1 ? "" : "s"} deep.
        {ephemerals > 0 && ` ${ephemerals} of them are ephemeral: their owners (live clients) will lose them.`}
      </p>
      <p className="muted">For example:</p>
      <ul className="samples">
        {samples.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </div>
  );
}
