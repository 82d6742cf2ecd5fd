"use client";

import dynamic from "next/dynamic";
import { useState, type ReactNode } from "react";
import { NoticeLine, useNotices } from "@/components/editing/notices";
import { ZnodeToolbar } from "@/components/editing/znode-toolbar";
import { useCluster } from "@/lib/clusters/client/use-cluster";
import type { Znode } from "@/lib/znodes/client/types";
import { useZnode } from "@/lib/znodes/client/use-znode";
import { AclPanel } from "@/components/acl/acl-panel";
import { NoAuthExplanation } from "@/components/acl/no-auth-explanation";
import { ZnodeHistory } from "@/components/history/znode-history";
import { ChildrenList } from "./children-list";
import { StatTable } from "./stat-table";
import { ZnodeData } from "./znode-data";

const DEFAULT_MAX_DATA_BYTES = 1024 * 1024;

// The editor (YAML/XML parsers, diff) loads when it is opened, not with every znode page.
const DataEditor = dynamic(() => import("@/components/editing/data-editor").then((m) => m.DataEditor), { ssr: false, loading: () => <p className="muted">Loading the editor…</p> });

type TabProps = { clusterId: string; path: string; znode: Znode };

// One entry per tab of the detail pane; each area adds its own line. The ACL is fetched when its
// tab opens (a node read does not fetch it).
const TABS: { id: string; label: string; render: (p: TabProps) => ReactNode }[] = [
  {
    id: "node",
    label: "Overview",
    render: ({ znode }) => (
      <>
        <ZnodeData data={znode.data} />
        <div className="tables">
          <StatTable stat={znode.stat} />
        </div>
      </>
    ),
  },
  { id: "acl", label: "ACL", render: ({ clusterId, path }) => <AclPanel key={path} clusterId={clusterId} path={path} /> },
  { id: "history", label: "History", render: ({ clusterId, path, znode }) => <ZnodeHistory key={path} clusterId={clusterId} path={path} znode={znode} /> },
];

export function ZnodeDetail({ clusterId, path }: { clusterId: string; path: string }) {
  const znode = useZnode(clusterId, path);
  const cluster = useCluster(clusterId);
  const [tab, setTab] = useState(TABS[0].id);
  const [editing, setEditing] = useState<string | null>(null);
  const notices = useNotices();
  const active = TABS.find((t) => t.id === tab) ?? TABS[0];
  const maxBytes = cluster.data?.maxDataBytes ?? DEFAULT_MAX_DATA_BYTES;

  return (
    <div className="detail" data-testid="detail">
      <h2 className="detail-path">
        <code>{path}</code>
      </h2>
      {znode.isPending && <p className="muted">Loading znode…</p>}
      {znode.isError && <NoAuthExplanation error={znode.error} />}
      {/* Kept on screen after a failed refetch (e.g. the node was deleted meanwhile), so open dialogs can finish and report. */}
      {znode.data && (
        <>
          <ZnodeToolbar clusterId={clusterId} znode={znode.data} maxBytes={maxBytes} editing={editing === path} onEdit={() => setEditing(path)} onNotice={notices.show} />
          <NoticeLine path={path} />
          {editing === path && (
            <DataEditor
              key={path}
              clusterId={clusterId}
              path={path}
              znode={znode.data}
              maxBytes={maxBytes}
              onDone={(message) => { setEditing(null); if (message) notices.show(message, path); }}
            />
          )}
          {/* Keyed by path so the filter and scroll position start fresh on each node. */}
          <ChildrenList key={path} clusterId={clusterId} path={path} />
          <div className="detail-tabs" role="tablist" aria-label="Znode details">
            {TABS.map((t) => (
              <button key={t.id} type="button" role="tab" className="detail-tab" aria-selected={t.id === active.id} onClick={() => setTab(t.id)}>
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" aria-label={active.label}>{active.render({ clusterId, path, znode: znode.data })}</div>
        </>
      )}
    </div>
  );
}
