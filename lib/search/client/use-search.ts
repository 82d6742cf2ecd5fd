import { experimental_streamedQuery as streamedQuery, useQuery } from "@tanstack/react-query";
import { ndjsonRows } from "@/lib/core/client/ndjson";
import type { SearchRow } from "@/lib/search/schema";
import { searchUrls, type SearchParams } from "./urls";

export const searchKeys = {
  all: (clusterId: string) => ["search", clusterId] as const,
  run: (clusterId: string, p: SearchParams) => [...searchKeys.all(clusterId), p] as const,
};

/**
 * Content search with its rows streaming in (matches, then `done`); leaving the page aborts the
 * request, which stops the walk on the server. `null` params: nothing searched yet.
 */
export function useSearch(clusterId: string, params: SearchParams | null) {
  return useQuery({
    queryKey: searchKeys.run(clusterId, params ?? { path: "/", q: "", in: "all", regex: false }),
    queryFn: streamedQuery({ streamFn: ({ signal }) => ndjsonRows<SearchRow>(searchUrls.api(clusterId, params!), signal) }),
    enabled: params !== null && params.q !== "",
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
