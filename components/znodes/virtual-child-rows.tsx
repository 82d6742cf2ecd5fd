"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { childPath, znodeHref } from "@/lib/znodes/client/znode-path";

const ROW_HEIGHT = 28;

type Props = {
  clusterId: string;
  path: string;
  names: string[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/** Only the rows in view (plus a little overscan) are in the DOM; the next page loads as the end scrolls in. */
export function VirtualChildRows({ clusterId, path, names, hasNextPage, isFetchingNextPage, fetchNextPage }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = hasNextPage ? names.length + 1 : names.length;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Rows have a fixed height, so synchronous re-render on scroll buys nothing and React 19 warns about it.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= names.length - 1) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, names.length, fetchNextPage]);

  // A new node or filter starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [path]);

  return (
    <div ref={scrollRef} className="virtual-list" data-testid="children-list">
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((item) => {
          const name = names[item.index];
          return (
            <div key={item.key} className="virtual-row" style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
              {name === undefined ? (
                <span className="muted">Loading more…</span>
              ) : (
                <Link data-testid="child-row" href={znodeHref(clusterId, childPath(path, name))} title={name}>
                  {name}
                </Link>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
