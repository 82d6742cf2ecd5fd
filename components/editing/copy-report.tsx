import Link from "next/link";
import { ApiError } from "@/lib/core/client/api-fetch";
import type { CopyResult } from "@/lib/znodes/client/types";
import { useZnodeHref } from "@/components/clusters/cluster-context";

export function CopyReport({ result, verb, onOpen }: { result: CopyResult; verb: string; onOpen: () => void }) {
  const znodeHref = useZnodeHref();
  return (
    <div className="report notice ok" role="status" data-testid="copy-report">
      <p>
        {verb} {result.copied.toLocaleString("en-US")} znodes to <code>{result.target}</code>
        {result.verified && ", verified byte for byte"}.{result.sourceDeleted && " The source was deleted."}
      </p>
      {result.ephemeralsCopiedAsPersistent > 0 && (
        <p className="warning-text">{result.ephemeralsCopiedAsPersistent} ephemeral source znodes were written as persistent znodes.</p>
      )}
      <Link className="button primary" href={znodeHref(result.target, result.targetClusterId)} onClick={onOpen}>Open {result.target}</Link>
    </div>
  );
}

/** What a failed copy, move or import did before it stopped, from the error's details. */
export function PartialWork({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || !error.details) return null;
  const d = error.details as { created?: number; total?: number; createdPaths?: string[]; mismatched?: string[]; deleted?: number };
  const lists: [string, string[] | undefined][] = [["Created before the failure", d.createdPaths], ["Differ from the source", d.mismatched]];
  return (
    <div className="report" data-testid="partial-work">
      {d.created !== undefined && <p>Created {d.created.toLocaleString("en-US")}{d.total !== undefined && ` of ${d.total.toLocaleString("en-US")}`} znodes before stopping.</p>}
      {d.deleted !== undefined && <p>Deleted {d.deleted.toLocaleString("en-US")} znodes before stopping.</p>}
      {lists.map(([title, paths]) =>
        paths && paths.length > 0 ? (
          <div key={title}>
            <strong>{title}{paths.length >= 100 && " (first 100)"}:</strong>
            <ul>{paths.map((p) => <li key={p}>{p}</li>)}</ul>
          </div>
        ) : null,
      )}
    </div>
  );
}
