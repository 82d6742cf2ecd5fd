import Link from "next/link";
import { ancestorPaths, splitPath, znodeHref } from "@/lib/znodes/client/znode-path";

export function Breadcrumbs({ clusterId, path }: { clusterId: string; path: string }) {
  const paths = ancestorPaths(path);
  return (
    <nav aria-label="Breadcrumbs" className="breadcrumbs" data-testid="breadcrumbs">
      <ol>
        {paths.map((crumb, index) => {
          const label = crumb === "/" ? "/" : splitPath(crumb).at(-1);
          const isCurrent = index === paths.length - 1;
          return (
            <li key={crumb}>
              {isCurrent ? (
                <span aria-current="page">{label}</span>
              ) : (
                <Link href={znodeHref(clusterId, crumb)}>{label}</Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
