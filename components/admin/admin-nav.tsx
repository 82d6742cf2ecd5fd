"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import "@/components/audit/audit.css";

const LINKS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/grants", label: "Grants" },
  { href: "/admin/groups", label: "Group mappings" },
  { href: "/admin/protections", label: "Protected paths" },
  { href: "/audit", label: "Audit trail" },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav className="admin-nav" aria-label="Administration">
      {LINKS.map((l) => <Link key={l.href} href={l.href} aria-current={pathname === l.href ? "page" : undefined}>{l.label}</Link>)}
    </nav>
  );
}
