"use client";

import "./live.css";
import type { ReactNode } from "react";
import { useLiveFlash } from "@/lib/watch/client/use-live-flash";

/** Highlights its content briefly when a live change to `path` arrives. */
export function LiveFlash({ clusterId, path, children }: { clusterId: string; path: string; children: ReactNode }) {
  const flashing = useLiveFlash(clusterId, path);
  return (
    <div className={flashing ? "live-pane live-flash" : "live-pane"} data-live-flash={flashing || undefined}>
      {children}
    </div>
  );
}
