"use client";

import Link from "next/link";
import type { UseQueryResult } from "@tanstack/react-query";
import { useZnodeHref } from "@/components/clusters/cluster-context";
import { ErrorBox } from "@/components/error-box";
import type { SearchDone, SearchMatch, SearchRow } from "@/lib/search/schema";
import type { SearchParams } from "@/lib/search/client/urls";
import "./search.css";

const STOPPED = { limit: "the match limit was reached", maxNodes: "the node limit was reached", time: "the time limit was reached" } as const;

/** A snippet with its match marked; names and values are untrusted, so all of it is React text. */
function Snippet({ m }: { m: SearchMatch }) {
  const [from, to] = m.highlight;
  return <code className="search-snippet">{m.snippet.slice(0, from)}<mark>{m.snippet.slice(from, to)}</mark>{m.snippet.slice(to)}</code>;
}

/** The matches as they stream in; each opens its node with the matched text marked. */
export function SearchResults({ search, params }: { search: UseQueryResult<SearchRow[]>; params: SearchParams }) {
  const href = useZnodeHref();
  if (search.isError) return <ErrorBox error={search.error} />;
  const rows = search.data ?? [];
  const matches = rows.filter((r): r is SearchMatch => r.type === "match");
  const done = rows.find((r): r is SearchDone => r.type === "done");
  const visited = done?.visited ?? rows.findLast((r) => r.type === "progress")?.visited ?? 0;
  const open = (m: SearchMatch) => `${href(m.path)}?${new URLSearchParams({ mark: m.snippet.slice(...m.highlight) })}`;
  return (
    <section className="card" aria-label="Search results">
      <p className="muted" role="status" data-testid="search-status">
        {done
          ? `${done.matches.toLocaleString()} match${done.matches === 1 ? "" : "es"} in ${done.visited.toLocaleString()} znodes under ${params.path}`
          : `Searching… ${matches.length.toLocaleString()} matches so far, ${visited.toLocaleString()} znodes looked at`}
        {done?.stoppedBy && ` (stopped: ${STOPPED[done.stoppedBy]})`}
        {!!done?.skippedBinary && `; ${done.skippedBinary.toLocaleString()} binary values not searched by the regular expression`}
        {!!done?.unreadable && `; ${done.unreadable.toLocaleString()} znodes not readable`}
      </p>
      {matches.length > 0 && (
        <ol className="search-hits" data-testid="search-hits">
          {matches.map((m, i) => (
            <li key={`${m.path} ${m.in} ${i}`} data-testid="search-hit">
              <Link href={open(m)}><code>{m.path}</code></Link>
              <span className="badge tag">{m.in === "name" ? "name" : m.binary ? `bytes at ${m.offset ?? 0}` : "value"}</span>
              <Snippet m={m} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
