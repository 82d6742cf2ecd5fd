"use client";

import { signOut, useSession } from "next-auth/react";
import Link from "next/link";
import { UserMenu } from "@/components/admin/user-menu";

export function AppHeader() {
  const { status } = useSession();
  return (
    <header className="app-header">
      <Link href="/clusters" className="app-title">
        ZooKeeper Console
      </Link>
      <nav className="app-nav">
        <Link href="/clusters">Clusters</Link>
        <Link href="/ensemble">Deploy</Link>
        <UserMenu />
        {status !== "unauthenticated" && (
          <button type="button" className="button" onClick={() => signOut({ callbackUrl: "/login" })}>
            Sign out
          </button>
        )}
      </nav>
    </header>
  );
}
