"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import type { SearchParams } from "@/lib/search/client/urls";
import { useSearch } from "@/lib/search/client/use-search";

const MODES = ["all", "name", "data"] as const;

/** Content search of one cluster: the form's values live in the URL, the results stream in. */
export function SearchScreen({ clusterId }: { clusterId: string }) {
  const router = useRouter();
  const pathname = usePathname() ?? "";
  const url = useSearchParams();
  const params: SearchParams = {
    q: url.get("q") ?? "",
    path: url.get("path") || "/",
    in: MODES.find((m) => m === url.get("in")) ?? "all",
    regex: url.get("regex") === "true",
  };
  const search = useSearch(clusterId, params.q ? params : null);
  const submit = (p: SearchParams) => {
    const q = new URLSearchParams({ q: p.q, path: p.path, in: p.in, regex: String(p.regex) });
    router.replace(`${pathname}?${q}`);
  };
  return (
    <div className="page">
      <SearchForm key={JSON.stringify(params)} initial={params} onSubmit={submit} />
      {params.q && <SearchResults search={search} params={params} />}
    </div>
  );
}
