import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { adminKeys } from "./keys";
import type { GrantList } from "./types";
import { adminUrls } from "./urls";

export function useGrants() {
  return useQuery({
    queryKey: adminKeys.grants(),
    queryFn: ({ signal }) => apiFetch<GrantList>(adminUrls.grants(), { signal }).then((r) => r.grants),
  });
}
