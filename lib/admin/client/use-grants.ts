import { useQuery } from "@tanstack/react-query";
import { adminKeys } from "./keys";
import type { GrantRow } from "./types";
import { adminUrls } from "./urls";
import { apiFetch } from "@/lib/core/client/api-fetch";

export function useGrants() {
  return useQuery({
    queryKey: adminKeys.grants(),
    queryFn: ({ signal }) => apiFetch<{ grants: GrantRow[] }>(adminUrls.grants(), { signal }).then((r) => r.grants),
  });
}
