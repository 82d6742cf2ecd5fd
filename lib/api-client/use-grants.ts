import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { adminKeys } from "./audit-keys";
import type { GrantRow } from "./audit-types";
import { adminUrls } from "./audit-urls";

export function useGrants() {
  return useQuery({
    queryKey: adminKeys.grants(),
    queryFn: ({ signal }) => apiFetch<{ grants: GrantRow[] }>(adminUrls.grants(), { signal }).then((r) => r.grants),
  });
}
