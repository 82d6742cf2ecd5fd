"use client";

import { ErrorBox } from "@/components/error-box";
import { useZnode } from "@/lib/api-client/use-znode";
import { AclTable } from "./acl-table";
import { ChildrenList } from "./children-list";
import { StatTable } from "./stat-table";
import { ZnodeData } from "./znode-data";

export function ZnodeDetail({ clusterId, path }: { clusterId: string; path: string }) {
  const znode = useZnode(clusterId, path);
  return (
    <div className="detail" data-testid="detail">
      <h2 className="detail-path">
        <code>{path}</code>
      </h2>
      {znode.isPending && <p className="muted">Loading znode…</p>}
      {znode.isError && <ErrorBox error={znode.error} />}
      {znode.isSuccess && (
        <>
          {/* Keyed by path so the filter and scroll position start fresh on each node. */}
          <ChildrenList key={path} clusterId={clusterId} path={path} />
          <ZnodeData data={znode.data.data} />
          <div className="tables">
            <StatTable stat={znode.data.stat} />
            <AclTable acl={znode.data.acl} />
          </div>
        </>
      )}
    </div>
  );
}
