"use client";

import { useEffect, useState } from "react";
import { ErrorBox } from "@/components/error-box";
import { formatCount } from "@/lib/core/client/format";
import { useDebouncedValue } from "@/lib/core/client/use-debounced-value";
import { listKey, useChildLists } from "@/lib/znodes/client/use-child-lists";
import { useZnodeView } from "./use-znode-view";
import { VirtualChildRows } from "./virtual-child-rows";

/** The current node's children, filtered by the URL's `filter` (which the tree applies too). */
export function ChildrenList({ clusterId, path }: { clusterId: string; path: string }) {
  const view = useZnodeView();
  const [text, setText] = useState(view.filter);
  const typed = useDebouncedValue(text.trim(), 200);
  // Back/Forward or a link changed the URL's filter: the box follows.
  useEffect(() => setText(view.filter), [view.filter]);
  const { setFilter } = view;
  useEffect(() => {
    if (typed !== view.filter) setFilter(typed);
    // Only what was typed drives the URL; the URL driving the box is the effect above.
  }, [typed]);

  const ref = { path, filter: view.filter };
  const { lists, want } = useChildLists(clusterId, [ref]);
  const list = lists.get(listKey(ref));

  return (
    <section className="children" aria-labelledby="children-heading">
      <div className="children-header">
        <h2 id="children-heading">Children</h2>
        <label className="field inline" htmlFor="children-filter">
          <span>Filter children</span>
          <input id="children-filter" type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        </label>
        <p className="muted" role="status" data-testid="children-count">
          {list?.matched != null && list.total != null ? `${formatCount(list.matched)} of ${formatCount(list.total)} children` : "Loading children…"}
        </p>
      </div>
      {list?.error ? (
        <ErrorBox error={list.error} />
      ) : list?.matched === 0 ? (
        <p className="muted" data-testid="children-empty">{view.filter ? `No children match “${view.filter}”.` : "No children."}</p>
      ) : list?.matched ? (
        <VirtualChildRows clusterId={clusterId} path={path} count={list.matched} nameAt={list.nameAt} onRange={(index) => want(ref, index)} />
      ) : null}
    </section>
  );
}
