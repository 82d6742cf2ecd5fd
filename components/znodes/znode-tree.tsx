"use client";

import { TreeNode } from "./tree-node";

export function ZnodeTree({ clusterId, currentPath }: { clusterId: string; currentPath: string }) {
  return (
    <nav aria-label="Znode tree" className="tree" data-testid="tree">
      <ul className="tree-root">
        <TreeNode clusterId={clusterId} path="/" name="/" currentPath={currentPath} />
      </ul>
    </nav>
  );
}
