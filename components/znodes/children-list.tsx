"use client";

import { useState } from "react";
import { ErrorBox } from "@/components/error-box";
import { useDebouncedValue } from "@/lib/core/client/use-debounced-value";
import { flattenChildren, useChildren } from "@/lib/znodes/client/use-children";
import { VirtualChildRows } from "./virtual-child-rows";

const LIST_PAGE_SIZE = 500;

export function ChildrenList({ clusterId, path }: { clusterId: string; path: string }) {
  const [filter, setFilter] = useState("");
  const debouncedFilter = useDebouncedValue(filter.trim(), 200);
  const children = useChildren({ clusterId, path, filter: debouncedFilter, pageSize: LIST_PAGE_SIZE });
  const first = children.data?.pages[0];

  return (
    <section className="children" aria-labelledby="children-heading">
      <div className="children-header">
        <h2 id="children-heading">Children</h2>
        <label className="field inline" htmlFor="children-filter">
          <span>Filter children</span>
          <input id="children-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
        </label>
      </div>
      {children.isError ? (
        <ErrorBox error={children.error} />
      ) : (
        <>
          <p className="muted" role="status" data-testid="children-count">
            {first ? `${first.matched} of ${first.total} children` : "Loading children…"}
          </p>
          <VirtualChildRows
            clusterId={clusterId}
            path={path}
            names={flattenChildren(children.data?.pages)}
            hasNextPage={children.hasNextPage}
            isFetchingNextPage={children.isFetchingNextPage}
            fetchNextPage={children.fetchNextPage}
          />
        </>
      )}
    </section>
  );
}
