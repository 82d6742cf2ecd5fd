"use client";

import dynamic from "next/dynamic";
import { useState, type ReactNode } from "react";
import { NoticeLine, useNotices } from "@/components/editing/notices";
import { ZnodeToolbar } from "@/components/editing/znode-toolbar";
import { useShortcutAction } from "@/components/shortcuts/shortcut-events";
import { useCluster } from "@/lib/clusters/client/use-cluster";
import type { Znode } from "@/lib/znodes/client/types";
import { useZnode } from "@/lib/znodes/client/use-znode";
import { AclPanel } from "@/components/acl/acl-panel";
import { NoAuthExplanation } from "@/components/acl/no-auth-explanation";
import { ZnodeHistory } from "@/components/history/znode-history";
import { ChildrenList } from "./children-list";
import { DetailTabs } from "./detail-tabs";
import { StatTable } from "./stat-table";
import { useZnodeView, type DetailTab } from "./use-znode-view";
import { ZnodeData } from "./znode-data";

const DEFAULT_MAX_DATA_BYTES = 1024 * 1024;

// The editor (YAML/XML parsers, diff) loads when it is opened, not with every znode page.
const DataEditor = dynamic(() => import("@/components/editing/data-editor").then((m) => m.DataEditor), { ssr: false, loading: () => <p className="muted">Loading the editor…</p> });

type TabProps = { clusterId: string; path: string; znode: Znode; mark: string };

// One entry per tab of the detail pane; each area adds its own line. The ACL is fetched when its
// tab opens (a node read does not fetch it).
const TABS: { id: DetailTab; label: string; render: (p: TabProps) => ReactNode }[] = [
  {
    id: "node",
    label: "Overview",
    render: ({ znode, mark }) => (
      <>
        <ZnodeData data={znode.data} mark={mark} />
        <div className="tables">
          <StatTable stat={znode.stat} />
        </div>
      </>
    ),
  },
  { id: "acl", label: "ACL", render: ({ clusterId, path }) => <AclPanel key={path} clusterId={clusterId} path={path} /> },
  { id: "history", label: "History", render: ({ clusterId, path, znode }) => <ZnodeHistory key={path} clusterId={clusterId} path={path} znode={znode} /> },
];

/** The node view: what the operator came for first (its children when it has any, else data and Stat). */
export function ZnodeDetail({ clusterId, path }: { clusterId: string; path: string }) {
  const znode = useZnode(clusterId, path);
  const cluster = useCluster(clusterId);
  const view = useZnodeView();
  const [editing, setEditing] = useState<string | null>(null);
  const notices = useNotices();
  const maxBytes = cluster.data?.maxDataBytes ?? DEFAULT_MAX_DATA_BYTES;
  const canEdit = !!znode.data?.permissions.write;
  useShortcutAction("edit", () => setEditing(path), canEdit);

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
          {/* Keyed by path so the scroll position starts fresh on each node; a leaf has no children box. */}
          {(znode.data.stat.numChildren > 0 || view.filter) && <ChildrenList key={path} clusterId={clusterId} path={path} />}
          <DetailTabs tabs={TABS} active={view.tab} onSelect={view.setTab}>
            {(tab) => tab.render({ clusterId, path, znode: znode.data, mark: view.mark })}
          </DetailTabs>
        </>
      )}
    </div>
  );
}
