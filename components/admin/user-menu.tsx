"use client";

import { signOut, useSession } from "next-auth/react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect } from "react";

/**
 * The signed-in user's name and role, and the Admin/Audit links for admins. When the server
 * ends the session (user disabled), /api/auth/session clears the cookie and this sends the
 * browser to the login page instead of leaving a page whose every request now fails.
 */
export function UserMenu() {
  const { data: session, status } = useSession();
  const pathname = usePathname() ?? "";
  const onLogin = pathname.startsWith("/login");

  useEffect(() => {
    if (status === "unauthenticated" && !onLogin) void signOut({ callbackUrl: "/login?error=SessionEnded" });
  }, [status, onLogin]);

  if (status !== "authenticated" || !session) return null;
  return (
    <>
      <Link href="/tokens">Tokens</Link>
      {session.isAdmin && <Link href="/admin">Admin</Link>}
      {session.isAdmin && <Link href="/audit">Audit</Link>}
      <span className="app-user" data-testid="current-user">
        {session.user?.name ?? "signed in"} <span className="badge tag">{session.role ?? "?"}</span>
      </span>
    </>
  );
}
