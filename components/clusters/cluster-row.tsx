"use client";

import Link from "next/link";
import { useState } from "react";
import { EnvBadge } from "@/components/env-badge";
import { SessionStateLabel } from "@/components/session-state";
import type { Cluster } from "@/lib/clusters/client/types";
import { znodeHref } from "@/lib/znodes/client/znode-path";
import { EditClusterForm } from "./edit-cluster-form";
import { CredentialsSection } from "@/components/acl/credentials-section";
import { useIsAdmin } from "./use-is-admin";

type Props = { cluster: Cluster; onRemove: (cluster: Cluster) => void };

export function ClusterRow({ cluster, onRemove }: Props) {
  const [editing, setEditing] = useState(false);
  const isAdmin = useIsAdmin();
  return (
    <li className="cluster-row" data-testid="cluster-row">
      <div className="cluster-summary">
        <div className="cluster-main">
          <span className="cluster-name">{cluster.name}</span>
          <EnvBadge environment={cluster.environment} />
          {cluster.readOnly && <span className="badge tag">read-only</span>}
        </div>
        <code className="cluster-conn">{cluster.connectionString}</code>
        <SessionStateLabel session={cluster.session} />
        <div className="actions">
          <Link className="button" href={znodeHref(cluster.slug ?? cluster.id, "/")}>
            Browse
          </Link>
          {isAdmin && (
            <>
              <button type="button" className="button" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
                Edit
              </button>
              <button type="button" className="button danger" onClick={() => onRemove(cluster)}>
                Remove
              </button>
            </>
          )}
        </div>
      </div>
      {isAdmin && editing && <EditClusterForm cluster={cluster} onDone={() => setEditing(false)} />}
      {isAdmin && editing && <CredentialsSection clusterId={cluster.id} />}
    </li>
  );
}
