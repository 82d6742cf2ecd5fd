"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useZnodeHref } from "@/components/clusters/cluster-context";
import { childPath } from "@/lib/znodes/client/znode-path";

const ROW_HEIGHT = 28;

type Props = { clusterId: string; path: string; count: number; nameAt: (index: number) => string | undefined; onRange: (index: number) => void };

/**
 * Every child has its place (the scrollbar spans all of them); only the rows in view are in the
 * DOM, and a row whose page is not loaded yet asks for it as it scrolls in.
 */
export function VirtualChildRows({ path, count, nameAt, onRange }: Props) {
  const href = useZnodeHref();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Rows have a fixed height, so synchronous re-render on scroll buys nothing and React 19 warns about it.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    for (const item of items) if (nameAt(item.index) === undefined) onRange(item.index);
  }, [items, nameAt, onRange]);

  return (
    <div ref={scrollRef} className="virtual-list" data-testid="children-list">
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((item) => {
          const name = nameAt(item.index);
          return (
            <div key={item.key} className="virtual-row" style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
              {name === undefined ? (
                <span className="muted">…</span>
              ) : (
                <Link data-testid="child-row" href={href(childPath(path, name))} title={name}>
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
