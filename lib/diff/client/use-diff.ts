import { experimental_streamedQuery as streamedQuery, useQuery } from "@tanstack/react-query";
import { ndjsonRows } from "@/lib/core/client/ndjson";
import type { DiffRow } from "@/lib/diff/schema";
import { diffUrls, type DiffSides } from "./urls";

export const diffKeys = {
  all: ["diff"] as const,
  run: (s: DiffSides) => [...diffKeys.all, s] as const,
};

/** The differences of two subtrees, streaming in (rows in sorted path order, then `done`). */
export function useDiff(sides: DiffSides | null) {
  return useQuery({
    queryKey: diffKeys.run(sides ?? { left: "", right: "" }),
    queryFn: streamedQuery({ streamFn: ({ signal }) => ndjsonRows<DiffRow>(diffUrls.api(sides!), signal) }),
    enabled: sides !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
