"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useClusterPage } from "./cluster-context";

// One entry per per-cluster screen. Each area adds its own line here.
const TABS: { label: string; segment: string }[] = [
  { label: "Znodes", segment: "znodes" },
  { label: "Live", segment: "live" },
  { label: "Health", segment: "health" },
  { label: "Sessions", segment: "sessions" },
  { label: "Recipes", segment: "recipes" },
  { label: "Search", segment: "search" },
];

export function ClusterTabs() {
  const { slug } = useClusterPage();
  const pathname = usePathname() ?? "";
  const base = `/clusters/${encodeURIComponent(slug)}`;
  return (
    <nav className="cluster-tabs" aria-label="Cluster sections">
      {TABS.map((t) => {
        const href = `${base}/${t.segment}`;
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link key={t.segment} href={href} aria-current={active ? "page" : undefined} className={active ? "cluster-tab active" : "cluster-tab"}>
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
