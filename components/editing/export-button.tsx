"use client";

import { useState } from "react";
import { znodeUrls } from "@/lib/znodes/client/urls";

/** A plain download of GET .../export: the browser streams the file, however large. */
export function ExportButton({ clusterId, path }: { clusterId: string; path: string }) {
  const [withAcl, setWithAcl] = useState(true);
  return (
    <span className="actions">
      <a className="button" href={znodeUrls.export(clusterId, path, withAcl)} download data-testid="export-link">
        Export subtree
      </a>
      <label className="field checkbox">
        <input type="checkbox" checked={withAcl} onChange={(e) => setWithAcl(e.target.checked)} />
        <span>with ACLs</span>
      </label>
    </span>
  );
}
