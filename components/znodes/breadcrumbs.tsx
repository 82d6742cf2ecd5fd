"use client";

import Link from "next/link";
import { useZnodeHref } from "@/components/clusters/cluster-context";
import { ancestorPaths, splitPath } from "@/lib/znodes/client/znode-path";

export function Breadcrumbs({ path }: { path: string }) {
  const href = useZnodeHref();
  const paths = ancestorPaths(path);
  return (
    <nav aria-label="Breadcrumbs" className="breadcrumbs" data-testid="breadcrumbs">
      <ol>
        {paths.map((crumb, index) => {
          const label = crumb === "/" ? "/" : splitPath(crumb).at(-1);
          const isCurrent = index === paths.length - 1;
          return (
            <li key={crumb}>
              {isCurrent ? <span aria-current="page">{label}</span> : <Link href={href(crumb)}>{label}</Link>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
