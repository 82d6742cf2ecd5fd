import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { tokenKeys } from "./keys";
import type { TokenList } from "./types";
import { tokenUrls } from "./urls";

export function useTokens() {
  return useQuery({
    queryKey: tokenKeys.list(),
    queryFn: ({ signal }) => apiFetch<TokenList>(tokenUrls.tokens(), { signal }).then((r) => r.tokens),
  });
}
