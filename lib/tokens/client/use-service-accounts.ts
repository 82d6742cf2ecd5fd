import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { tokenKeys } from "./keys";
import type { ServiceAccountList } from "./types";
import { tokenUrls } from "./urls";

/** Admins only (the page asks only when the user is one). */
export function useServiceAccounts(enabled: boolean) {
  return useQuery({
    queryKey: tokenKeys.serviceAccounts(),
    enabled,
    queryFn: ({ signal }) => apiFetch<ServiceAccountList>(tokenUrls.serviceAccounts(), { signal }).then((r) => r.serviceAccounts),
  });
}
