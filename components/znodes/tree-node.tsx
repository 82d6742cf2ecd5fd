"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { errorMessage } from "@/lib/core/client/api-fetch";
import { useLiveFlash } from "@/lib/watch/client/use-live-flash";
import { flattenChildren, useChildren } from "@/lib/znodes/client/use-children";
import { childPath, znodeHref } from "@/lib/znodes/client/znode-path";

const TREE_PAGE_SIZE = 200;

type Props = { clusterId: string; path: string; name: string; currentPath: string };

// The trail to the current node, and the node itself, are open.
function isOnTrail(path: string, of: string): boolean {
  return path === of || path === "/" || of.startsWith(path + "/");
}

export function TreeNode({ clusterId, path, name, currentPath }: Props) {
  const router = useRouter();
  const onTrail = isOnTrail(path, currentPath);
  const [open, setOpen] = useState(onTrail);
  // Navigating deeper re-opens the trail, even where the user had collapsed it.
  useEffect(() => {
    if (onTrail) setOpen(true);
  }, [onTrail, currentPath]);

  const children = useChildren({ clusterId, path, pageSize: TREE_PAGE_SIZE, enabled: open });
  const names = flattenChildren(children.data?.pages);
  const matched = children.data?.pages[0]?.matched ?? 0;
  const isCurrent = path === currentPath;
  const flashing = useLiveFlash(clusterId, path);

  return (
    <li className="tree-node">
      <div className={`${isCurrent ? "tree-label current" : "tree-label"}${flashing ? " live-flash" : ""}`}>
        <button type="button" className="tree-toggle" aria-label={open ? `Collapse ${name}` : `Expand ${name}`} aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          {open ? "▾" : "▸"}
        </button>
        <button type="button" className="tree-name" aria-current={isCurrent ? "page" : undefined} onClick={() => router.push(znodeHref(clusterId, path))}>
          {name}
        </button>
      </div>
      {open && (
        <ul className="tree-children">
          {children.isPending && <li className="muted tree-note">Loading…</li>}
          {children.isError && <li className="error-text tree-note">{errorMessage(children.error)}</li>}
          {names.map((child) => (
            <TreeNode key={child} clusterId={clusterId} path={childPath(path, child)} name={child} currentPath={currentPath} />
          ))}
          {children.hasNextPage && (
            <li className="tree-note">
              <button type="button" className="link-button" disabled={children.isFetchingNextPage} onClick={() => children.fetchNextPage()}>
                {children.isFetchingNextPage ? "Loading…" : `Load more (${names.length} of ${matched})`}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
