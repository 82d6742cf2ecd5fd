"use client";

import { Breadcrumbs } from "./breadcrumbs";
import { ClusterHeading } from "./cluster-heading";
import { ZnodeDetail } from "./znode-detail";
import { ZnodeTree } from "./znode-tree";

export function ZnodeBrowser({ clusterId, path }: { clusterId: string; path: string }) {
  return (
    <div className="browser">
      <ClusterHeading clusterId={clusterId} />
      <Breadcrumbs clusterId={clusterId} path={path} />
      <div className="browser-panes">
        <ZnodeTree clusterId={clusterId} currentPath={path} />
        <ZnodeDetail clusterId={clusterId} path={path} />
      </div>
    </div>
  );
}
