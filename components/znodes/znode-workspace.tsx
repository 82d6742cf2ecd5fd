"use client";

import type { ReactNode } from "react";
import { LiveFlash } from "@/components/live/live-flash";
import { LiveUpdates } from "@/components/live/live-updates";
import { SplitPane } from "@/components/ui/split-pane";
import { Breadcrumbs } from "./breadcrumbs";
import { useZnodeView } from "./use-znode-view";
import { ZnodeSearch } from "./znode-search";
import { ZnodeTree } from "./znode-tree";

/**
 * The znode screen: tree | node, side by side with a resizable split. It lives in the znodes
 * layout, so the tree (its open nodes, scroll and focus) stays as the operator moves between nodes.
 */
export function ZnodeWorkspace({ clusterId, children }: { clusterId: string; children: ReactNode }) {
  const { path, filter } = useZnodeView();
  return (
    <div className="browser">
      <div className="browser-bar">
        <Breadcrumbs path={path} />
        <ZnodeSearch clusterId={clusterId} />
        <LiveUpdates clusterId={clusterId} currentPath={path} />
      </div>
      <SplitPane
        storageKey="zkc.tree-width"
        label="Resize the tree"
        initial={300}
        min={180}
        max={720}
        start={<ZnodeTree clusterId={clusterId} currentPath={path} filter={filter} />}
        end={<LiveFlash clusterId={clusterId} path={path}>{children}</LiveFlash>}
      />
    </div>
  );
}
