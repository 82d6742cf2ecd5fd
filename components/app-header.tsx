"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { UserMenu } from "@/components/admin/user-menu";
import { requestShortcut } from "@/components/shortcuts/shortcut-events";
import type { Theme } from "@/lib/core/client/theme";
import { ThemeToggle } from "./theme-toggle";
import { ChangesLink } from "@/components/changes/changes-link";

/** The console's header; what needs a session only for a signed-in user (decided on the server). */
export function AppHeader({ signedIn, theme }: { signedIn: boolean; theme: Theme }) {
  return (
    <header className="app-header">
      <Link href="/clusters" className="app-title">
        ZooKeeper Console
      </Link>
      <nav className="app-nav" aria-label="Console">
        {signedIn && (
          <>
            <Link href="/clusters">Clusters</Link>
            <Link href="/diff">Compare</Link>
            <Link href="/ensemble">Deploy</Link>
            <ChangesLink />
            <UserMenu />
            <button type="button" className="button header-button" onClick={() => requestShortcut("palette")} aria-keyshortcuts="Control+K" title="Jump to a cluster or path (Ctrl+K)">
              Jump to…
            </button>
            <button type="button" className="button header-button" onClick={() => requestShortcut("help")} aria-keyshortcuts="?" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
              ?
            </button>
          </>
        )}
        <ThemeToggle initial={theme} />
        {signedIn && (
          <button type="button" className="button header-button" onClick={() => signOut({ callbackUrl: "/login" })}>
            Sign out
          </button>
        )}
      </nav>
    </header>
  );
}
