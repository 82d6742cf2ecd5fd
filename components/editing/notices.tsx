"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";

type Notice = { path: string; message: string };
type Notices = { notice: Notice | null; show: (message: string, path: string) => void; clear: () => void };

const NoticeContext = createContext<Notices | null>(null);

/**
 * The outcome of the last write ("Saved…", "Deleted 4 znodes"), shown on the znode it belongs to.
 * Held above the page so it survives the navigation a delete or a move causes.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const value = useMemo<Notices>(() => ({ notice, show: (message, path) => setNotice({ message, path }), clear: () => setNotice(null) }), [notice]);
  return <NoticeContext.Provider value={value}>{children}</NoticeContext.Provider>;
}

export function useNotices(): Notices {
  const notices = useContext(NoticeContext);
  if (!notices) throw new Error("useNotices needs a NoticeProvider (app/clusters/[id]/znodes/layout.tsx)");
  return notices;
}

export function NoticeLine({ path }: { path: string }) {
  const { notice, clear } = useNotices();
  if (notice?.path !== path) return null;
  return (
    <p className="notice ok" role="status" data-testid="notice">
      {notice.message}{" "}
      <button type="button" className="link-button" onClick={clear} aria-label="Dismiss">
        ×
      </button>
    </p>
  );
}
