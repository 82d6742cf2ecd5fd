"use client";

import { LiveFlash } from "@/components/live/live-flash";
import { LiveUpdates } from "@/components/live/live-updates";
import { Breadcrumbs } from "@/components/znodes/breadcrumbs";
import { ClusterHeading } from "@/components/znodes/cluster-heading";
import { ZnodeDetail } from "@/components/znodes/znode-detail";
import { ZnodeTree } from "@/components/znodes/znode-tree";

export function ZnodeBrowser({ clusterId, path }: { clusterId: string; path: string }) {
  return (
    <div className="browser">
      <ClusterHeading clusterId={clusterId} />
      <LiveUpdates clusterId={clusterId} currentPath={path} />
      <Breadcrumbs clusterId={clusterId} path={path} />
      <div className="browser-panes">
        <ZnodeTree clusterId={clusterId} currentPath={path} />
        <LiveFlash clusterId={clusterId} path={path}>
          <ZnodeDetail clusterId={clusterId} path={path} />
        </LiveFlash>
      </div>
    </div>
  );
}
